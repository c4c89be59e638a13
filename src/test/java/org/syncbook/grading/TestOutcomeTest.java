package org.syncbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TestOutcome}: one test's result as one line of a raw results file, and back. */
class TestOutcomeTest {

    private static TestOutcome roundTrip(TestOutcome outcome) {
        String line = outcome.toLine();
        assertFalse(line.contains("\n"), "a raw result must fit on one line: " + line);
        assertEquals(3, line.chars().filter(c -> c == '\t').count(), "a raw result has exactly four tab-separated fields: " + line);
        return TestOutcome.parse(line);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "plain words",
        "a\ttab",
        "two\nlines",
        "a back\\slash",
        "a backslash then t: \\t, then n: \\n",
        "ends with a backslash \\",
        "\\",
        "\\\\\t\\\n",
        "",
        "µs, ✓ and other non-ASCII",
    })
    @DisplayName("a failing test's name and message come back unchanged, whatever tabs, newlines and backslashes they hold")
    void failingRoundTrip(String text) {
        TestOutcome back = roundTrip(TestOutcome.failing(SampleExercises.FIRST, "test " + text, text));
        assertEquals("99.1", back.exerciseId);
        assertEquals("test " + text, back.test);
        assertEquals(TestOutcome.Status.FAILING, back.status);
        assertEquals(text, back.message);
    }

    @Test
    @DisplayName("a passed test comes back passed, with an empty message")
    void passedRoundTrip() {
        TestOutcome back = roundTrip(TestOutcome.passed(SampleExercises.SECOND, "wakes\tevery\nwaiter\\"));
        assertEquals("99.2", back.exerciseId);
        assertEquals("wakes\tevery\nwaiter\\", back.test);
        assertEquals(TestOutcome.Status.PASSED, back.status);
        assertEquals("", back.message);
    }

    @Test
    @DisplayName("a test that reached a stub comes back 'not done yet'")
    void notDoneYetRoundTrip() {
        TestOutcome back = roundTrip(TestOutcome.notDoneYet(SampleExercises.THIRD, "a test"));
        assertEquals(TestOutcome.Status.NOT_DONE_YET, back.status);
        assertEquals("not done yet", back.message);
        assertEquals("99.3", back.exerciseId);
    }

    @Test
    @DisplayName("a line that is not a raw result is refused, naming the line")
    void malformedLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestOutcome.parse("99.1\tonly three\tPASSED"));
        assertEquals("not a raw result line: 99.1\tonly three\tPASSED", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestOutcome.parse("99.1\ta\tPASSED\tb\tc"));
        assertThrows(IllegalArgumentException.class, () -> TestOutcome.parse("99.1\ta\tWON\t"), "an unknown status");
    }
}
