package org.syncbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Scorecard}: what the learner reads after {@code mvn test -PchapterN}, and the JSON copy beside it. */
class ScorecardTest {
    private static final Path JSON = Paths.get("target/grades/chapter99.json");

    private static ExerciseGrade done(Exercise e, int tests) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tests; i++) {
            outcomes.add(TestOutcome.passed(e, "test " + i));
        }
        return ExerciseGrade.of(e, outcomes);
    }

    private static ExerciseGrade failing(Exercise e, String test, String reason) {
        return ExerciseGrade.of(e, List.of(TestOutcome.passed(e, "fine"), TestOutcome.failing(e, test, reason)));
    }

    private static ExerciseGrade notDoneYet(Exercise e) {
        return ExerciseGrade.of(e, List.of(TestOutcome.notDoneYet(e, "stub")));
    }

    @Test
    @DisplayName("the last line counts the exercises done: '1/3 done'")
    void countsDone() {
        String out = Scorecard.render("99", "solutions", List.of(
                done(SampleExercises.FIRST, 3), failing(SampleExercises.SECOND, "t", "r"), notDoneYet(SampleExercises.THIRD)), JSON);
        assertTrue(out.contains("\n1/3 done"), out);
        assertTrue(out.contains(JSON.toString()), "the scorecard should say where its JSON copy is:\n" + out);
    }

    @Test
    @DisplayName("a done exercise shows how many of its tests pass, and no hint")
    void doneLine() {
        String out = Scorecard.render("99", "solutions", List.of(done(SampleExercises.FIRST, 3)), JSON);
        assertTrue(out.contains("99.1  A first exercise  done"), out);
        assertTrue(out.contains("3/3 tests pass"), out);
        assertFalse(out.contains("hint:"), "a done exercise needs no hint:\n" + out);
        assertTrue(out.contains("1/1 done"), out);
    }

    @Test
    @DisplayName("a failing exercise shows the failing test, its reason line by line, and the hint with the file to edit")
    void failingLines() {
        String out = Scorecard.render("99", "solutions",
                List.of(failing(SampleExercises.SECOND, "no lost wake-up", "the waiter slept\nthrough the wake")), JSON);
        assertTrue(out.contains("failing"), out);
        assertTrue(out.contains("1/2 tests pass"), out);
        assertTrue(out.contains("failing test: no lost wake-up\n"), out);
        assertTrue(out.contains("the waiter slept\n"), out);
        assertTrue(out.contains("through the wake\n"), out);
        assertTrue(out.contains("hint: " + SampleExercises.SECOND.hint() + " (file: solutions/chapter99/Second.java)"), out);
        assertTrue(out.contains("0/1 done"), out);
    }

    @Test
    @DisplayName("an exercise not started points to the stub to start in")
    void notDoneYetLine() {
        String out = Scorecard.render("99", "solutions", List.of(notDoneYet(SampleExercises.THIRD)), JSON);
        assertTrue(out.contains("not done yet"), out);
        assertTrue(out.contains("start in solutions/chapter99/Third.java"), out);
    }

    @Test
    @DisplayName("a very long reason is cut short, saying where the rest is")
    void longReasonIsCut() {
        String reason = IntStream.range(0, 200).mapToObj(i -> "reason line " + i).collect(Collectors.joining("\n"));
        String out = Scorecard.render("99", "solutions", List.of(failing(SampleExercises.FIRST, "t", reason)), JSON);
        assertTrue(out.contains("reason line 0\n"), out);
        assertFalse(out.contains("reason line 199"), "all 200 lines of the reason were printed");
        assertTrue(out.contains("more lines in target/surefire-reports"), out);
    }

    @Test
    @DisplayName("the title says whose code was graded")
    void title() {
        assertTrue(Scorecard.render("99", "solutions", List.of(), JSON)
                .contains("Chapter 99 scorecard (your solutions in solutions/chapter99)"));
        assertTrue(Scorecard.render("99", "reference", List.of(), JSON).contains("Chapter 99 scorecard (reference implementation)"));
    }

    @Test
    @DisplayName("a chapter without exercise tests says so, and counts 0/0 done")
    void noExercises() {
        String out = Scorecard.render("99", "solutions", List.of(), JSON);
        assertTrue(out.contains("No exercise tests were found"), out);
        assertTrue(out.contains("0/0 done"), out);
    }

    // --- Scorecard.main, on the chapter 1 exercise tests compiled next to this class ---

    private static Path testClasses() throws Exception {
        return Paths.get(ScorecardTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<String, Exercise> chapter1() throws Exception {
        Map<String, Exercise> exercises = Scorecard.exercisesOf(testClasses(), "01");
        assumeTrue(!exercises.isEmpty(), "the chapter 1 exercise tests are not compiled in this build");
        return exercises;
    }

    /** Runs {@code Scorecard.main} and returns what it printed. */
    private static String runMain(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Scorecard.main(args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void writeRaw(Path gradesDir, String runId, List<TestOutcome> outcomes) throws Exception {
        Path dir = RawResults.runDirectory(gradesDir, runId);
        Files.createDirectories(dir);
        List<String> lines = outcomes.stream().map(TestOutcome::toLine).collect(Collectors.toList());
        Files.write(dir.resolve("jvm-1.tsv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("exercises are found from the compiled tests of their chapter, in the book's order")
    void exercisesInBookOrder() throws Exception {
        List<String> ids = new ArrayList<>(chapter1().keySet());
        for (String id : ids) {
            assertTrue(id.startsWith("1."), "chapter 1 lists exercise " + id);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
        assertEquals(sorted, ids);
    }

    @Test
    @DisplayName("a chapter with no compiled tests has no exercises")
    void noCompiledTests(@TempDir Path empty) throws Exception {
        assertTrue(Scorecard.exercisesOf(empty, "01").isEmpty());
    }

    @Test
    @DisplayName("main grades the run it is given, ignoring earlier runs, and writes chapterNN.json")
    void mainGradesOneRun(@TempDir Path grades) throws Exception {
        Map<String, Exercise> exercises = chapter1();
        List<TestOutcome> thisRun = new ArrayList<>();
        List<TestOutcome> earlierRun = new ArrayList<>();
        for (Exercise e : exercises.values()) {
            thisRun.add(TestOutcome.passed(e, "works"));
            earlierRun.add(TestOutcome.failing(e, "works", "an old failure"));
        }
        writeRaw(grades, "earlier", earlierRun);
        writeRaw(grades, "this", thisRun);

        String out = runMain(grades.toString(), "01", "this", "solutions", testClasses().toString(), "true");

        int n = exercises.size();
        assertTrue(out.contains(n + "/" + n + " done"), out);
        assertFalse(out.contains("an old failure"), "a result of an earlier run leaked in:\n" + out);
        String json = Files.readString(grades.resolve("chapter01.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"done\": " + n + ","), json);
        assertTrue(json.contains("\"total\": " + n + ","), json);
    }

    @Test
    @DisplayName("strict grading fails when an exercise is not done, after printing the scorecard")
    void strictFailsUnlessAllDone(@TempDir Path grades) throws Exception {
        Map<String, Exercise> exercises = chapter1();
        Exercise first = exercises.values().iterator().next();
        writeRaw(grades, "run", List.of(TestOutcome.notDoneYet(first, "stub")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runMain(grades.toString(), "01", "run", "solutions", testClasses().toString(), "true"));
        assertTrue(e.getMessage().contains("not done"), e.getMessage());
        assertTrue(Files.exists(grades.resolve("chapter01.json")), "the JSON copy is written even when strict grading fails");
    }

    @Test
    @DisplayName("without strict grading, unfinished exercises do not fail the build")
    void lenientByDefault(@TempDir Path grades) throws Exception {
        int n = chapter1().size();
        String out = runMain(grades.toString(), "01", "no-results", "solutions", testClasses().toString(), "false");
        assertTrue(out.contains("no result"), out);
        assertTrue(out.contains("\n0/" + n + " done"), out);
    }
}
