package org.syncbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ScorecardJson}: the instructors' copy of the scorecard must be JSON that a real parser reads
 * back to the same texts. Python's {@code json} module is that parser; without {@code /usr/bin/python3}
 * the parsing tests are skipped.
 */
class ScorecardJsonTest {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    /** Reads JSON from stdin and writes the fields the tests compare, separated by NUL characters. */
    private static final String READER = String.join("\n",
            "import json, sys",
            "d = json.loads(sys.stdin.buffer.read().decode('utf-8'))",
            "out = [str(d['chapter']), d['implementation'], str(d['done']), str(d['total'])]",
            "for e in d['exercises']:",
            "    out += [e['id'], e['title'], e['file'], e['status'], str(e['passed']), str(e['tests']), e['reason'], e['hint']]",
            "    for r in e['results']:",
            "        out += [r['test'], r['status'], r['message']]",
            "sys.stdout.buffer.write('\\0'.join(out).encode('utf-8'))");

    /** The fields {@link #READER} prints, as {@code ScorecardJson.of} should have written them. */
    private static List<String> expectedFields(int chapter, String impl, List<ExerciseGrade> grades) {
        List<String> out = new ArrayList<>(List.of(String.valueOf(chapter), impl,
                String.valueOf(grades.stream().filter(g -> g.status == ExerciseGrade.Status.DONE).count()),
                String.valueOf(grades.size())));
        for (ExerciseGrade g : grades) {
            out.addAll(List.of(g.exercise.id(), g.exercise.title(), g.exercise.file(), g.status.name().toLowerCase(),
                    String.valueOf(g.passed), String.valueOf(g.tests), g.reason, g.exercise.hint()));
            for (TestOutcome o : g.outcomes) {
                out.addAll(List.of(o.test, o.status.name().toLowerCase(), o.message));
            }
        }
        return out;
    }

    /** Parses {@code json} with Python and returns the fields {@link #READER} prints. */
    private static List<String> parsedByPython(String json) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " to parse the JSON with");
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", READER).redirectErrorStream(true).start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(json.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = python.getInputStream()) {
            out.transferTo(output);
        }
        if (!python.waitFor(30, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new AssertionError("python did not finish parsing within 30 s");
        }
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, python.exitValue(), "Python's json module rejects the scorecard:\n" + text + "\n--- the JSON:\n" + json);
        return Arrays.asList(text.split("\0", -1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain                    | \"plain\"",
        "say \"hi\"               | \"say \\\"hi\\\"\"",
        "C:\\path                 | \"C:\\\\path\"",
        "µs and ✓                 | \"µs and ✓\"",
        "''                       | \"\"",
    })
    @DisplayName("quote() wraps text in quotes and escapes quotes and backslashes, leaving other characters as they are")
    void quotePrintable(String text, String json) {
        assertEquals(json, ScorecardJson.quote(text));
    }

    @Test
    @DisplayName("quote() writes newline, tab and carriage return as \\n, \\t and \\r, and other control characters as \\u00XX")
    void quoteControlCharacters() {
        assertEquals("\"a\\nb\\tc\\rd\"", ScorecardJson.quote("a\nb\tc\rd"));
        assertEquals("\"\\u0000\\u0001\\u001f\"", ScorecardJson.quote("\u0000\u0001\u001f"));
        assertEquals("\"\u007f\"", ScorecardJson.quote("\u007f")); // DEL needs no escape in JSON
    }

    @Test
    @DisplayName("a scorecard with every kind of grade is JSON that reads back to the same texts")
    void scorecardParsesBack() throws Exception {
        List<ExerciseGrade> grades = List.of(
                ExerciseGrade.of(SampleExercises.FIRST, List.of(
                        TestOutcome.passed(SampleExercises.FIRST, "wakes one"),
                        TestOutcome.passed(SampleExercises.FIRST, "wakes \"all\""))),
                ExerciseGrade.of(SampleExercises.SECOND, List.of(
                        TestOutcome.passed(SampleExercises.SECOND, "a\tb"),
                        TestOutcome.failing(SampleExercises.SECOND, "no lost wake-up",
                                "Gave up after 30.0 s:\n  thread \"waiter\" (WAITING)\n\tat C:\\x \u0001 µs"))),
                ExerciseGrade.of(SampleExercises.THIRD, List.of(TestOutcome.notDoneYet(SampleExercises.THIRD, "stub"))),
                ExerciseGrade.of(SampleExercises.FIRST, List.of()));
        String json = ScorecardJson.of("07", "solutions", grades);
        assertEquals(expectedFields(7, "solutions", grades), parsedByPython(json));
    }

    @Test
    @DisplayName("a scorecard without exercises is valid JSON too")
    void emptyScorecardParses() throws Exception {
        String json = ScorecardJson.of("01", "reference", List.of());
        assertEquals(List.of("1", "reference", "0", "0"), parsedByPython(json));
    }
}
