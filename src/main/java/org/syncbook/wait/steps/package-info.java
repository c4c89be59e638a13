/**
 * Chapter 7's progression, one step per class, each the reference of one exercise:
 * {@link org.syncbook.wait.steps.KeyedWait} (keys hashed onto futex words, a wake sequence per
 * word), {@link org.syncbook.wait.steps.ConditionWait} (wait while a condition holds, without
 * losing a wake), {@link org.syncbook.wait.steps.CountedWait} (no futex call when nobody waits),
 * {@link org.syncbook.wait.steps.SpinThenSleep} (spin a bounded number of looks, then sleep).
 * {@link org.syncbook.wait.FutexWaitQueue} puts them together.
 */
package org.syncbook.wait.steps;
