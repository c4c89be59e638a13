/** What the learner's stubs share with the grader: the "not done yet" marker. */
package org.syncbook.workbook;
