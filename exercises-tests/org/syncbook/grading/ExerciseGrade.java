package org.syncbook.grading;

import java.util.List;

/** The grade of one exercise: done when every one of its tests passed. */
final class ExerciseGrade {
    enum Status {
        DONE("done"), NOT_DONE_YET("not done yet"), FAILING("failing"), NO_RESULT("no result");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    final Exercise exercise;
    final Status status;
    final int tests;
    final int passed;
    final String failingTest;
    final String reason;
    final List<TestOutcome> outcomes;

    private ExerciseGrade(Exercise exercise, Status status, List<TestOutcome> outcomes, String failingTest, String reason) {
        this.exercise = exercise;
        this.status = status;
        this.outcomes = outcomes;
        this.tests = outcomes.size();
        this.passed = (int) outcomes.stream().filter(o -> o.status == TestOutcome.Status.PASSED).count();
        this.failingTest = failingTest;
        this.reason = reason;
    }

    static ExerciseGrade of(Exercise exercise, List<TestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return new ExerciseGrade(exercise, Status.NO_RESULT, outcomes, "(none ran)",
                    "No test of this exercise reported a result: it was filtered out of this run (-Dtest=...),"
                            + " or its test JVM crashed (look above for 'The forked VM terminated').");
        }
        for (TestOutcome o : outcomes) {
            if (o.status == TestOutcome.Status.FAILING) {
                return new ExerciseGrade(exercise, Status.FAILING, outcomes, o.test, o.message);
            }
        }
        boolean started = outcomes.stream().anyMatch(o -> o.status == TestOutcome.Status.NOT_DONE_YET);
        return new ExerciseGrade(exercise, started ? Status.NOT_DONE_YET : Status.DONE, outcomes, "", "");
    }
}
