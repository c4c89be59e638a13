package org.syncbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ExerciseGrade#of}: an exercise is done when every one of its tests passed. */
class ExerciseGradeTest {
    private static final Exercise E = SampleExercises.FIRST;

    private static TestOutcome passed(String test) {
        return TestOutcome.passed(E, test);
    }

    private static TestOutcome failing(String test, String message) {
        return TestOutcome.failing(E, test, message);
    }

    private static TestOutcome notDoneYet(String test) {
        return TestOutcome.notDoneYet(E, test);
    }

    @Test
    @DisplayName("every test passed: done, with the number of tests that passed")
    void allPassed() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of(passed("a"), passed("b"), passed("c")));
        assertEquals(ExerciseGrade.Status.DONE, g.status);
        assertEquals(3, g.tests);
        assertEquals(3, g.passed);
        assertEquals("", g.reason);
        assertSame(E, g.exercise);
    }

    @Test
    @DisplayName("one failing test: failing, naming that test and its message")
    void oneFailing() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of(passed("a"), failing("b", "a waiter slept through a wake"), passed("c")));
        assertEquals(ExerciseGrade.Status.FAILING, g.status);
        assertEquals("b", g.failingTest);
        assertEquals("a waiter slept through a wake", g.reason);
        assertEquals(2, g.passed);
        assertEquals(3, g.tests);
    }

    @Test
    @DisplayName("several failing tests: the first one reported is the one named")
    void firstFailingIsNamed() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of(failing("first", "one"), failing("second", "two")));
        assertEquals("first", g.failingTest);
        assertEquals("one", g.reason);
    }

    @Test
    @DisplayName("a failure counts more than a stub: failing, even when another test reached 'not done yet'")
    void failingBeatsNotDoneYet() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of(notDoneYet("a"), failing("b", "wrong number")));
        assertEquals(ExerciseGrade.Status.FAILING, g.status);
        assertEquals("b", g.failingTest);
    }

    @Test
    @DisplayName("a test reached a stub and none failed: not done yet")
    void notDoneYetWithoutFailure() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of(passed("a"), notDoneYet("b")));
        assertEquals(ExerciseGrade.Status.NOT_DONE_YET, g.status);
        assertEquals(1, g.passed);
        assertEquals(2, g.tests);
    }

    @Test
    @DisplayName("no test reported anything: no result, with a reason that says so")
    void noOutcomes() {
        ExerciseGrade g = ExerciseGrade.of(E, List.of());
        assertEquals(ExerciseGrade.Status.NO_RESULT, g.status);
        assertEquals(0, g.tests);
        assertFalse(g.reason.isBlank(), "a grade without results must explain itself");
    }
}
