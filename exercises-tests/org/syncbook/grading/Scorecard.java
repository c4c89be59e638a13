package org.syncbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the scorecard of one chapter after its tests ran, and writes its machine-readable copy
 * to {@code <grades dir>/chapterNN.json}. Run by {@code mvn test -PchapterN} after Surefire, so the
 * scorecard is the last thing on the learner's screen.
 *
 * <p>Arguments: grades dir, chapter ({@code 01}), run id, implementation graded, test classes dir,
 * strict ({@code true} fails the build unless every exercise is done).
 */
public final class Scorecard {
    private static final int REASON_LINES = 20;

    private Scorecard() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: Scorecard <grades dir> <chapter> <run id> <impl> <test classes dir> <strict>");
        }
        Path gradesDir = Paths.get(args[0]);
        String chapter = args[1];
        String runId = args[2];
        String impl = args[3];
        Path testClasses = Paths.get(args[4]);
        boolean strict = Boolean.parseBoolean(args[5]);

        Map<String, Exercise> exercises = exercisesOf(testClasses, chapter);
        List<TestOutcome> outcomes = readOutcomes(RawResults.runDirectory(gradesDir, runId));
        List<ExerciseGrade> grades = new ArrayList<>();
        for (Exercise exercise : exercises.values()) {
            grades.add(ExerciseGrade.of(exercise, outcomes.stream()
                    .filter(o -> o.exerciseId.equals(exercise.id())).collect(Collectors.toList())));
        }

        Files.createDirectories(gradesDir);
        Path json = gradesDir.resolve("chapter" + chapter + ".json");
        Files.writeString(json, ScorecardJson.of(chapter, impl, grades), StandardCharsets.UTF_8);
        System.out.print(render(chapter, impl, grades, json));
        System.out.flush();

        long done = grades.stream().filter(g -> g.status == ExerciseGrade.Status.DONE).count();
        if (strict && done < grades.size()) {
            throw new IllegalStateException("strict grading: " + (grades.size() - done) + " of " + grades.size()
                    + " exercises of chapter " + Integer.parseInt(chapter) + " are not done");
        }
    }

    static String render(String chapter, String impl, List<ExerciseGrade> grades, Path json) {
        StringBuilder out = new StringBuilder("\n");
        String title = "Chapter " + Integer.parseInt(chapter) + " scorecard ("
                + ("solutions".equals(impl) ? "your solutions in solutions/chapter" + chapter : "reference implementation") + ")";
        out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        if (grades.isEmpty()) {
            out.append("No exercise tests were found for this chapter.\n");
        }
        int width = grades.stream().mapToInt(g -> g.exercise.title().length()).max().orElse(10);
        for (ExerciseGrade g : grades) {
            out.append(String.format("%-5s %-" + width + "s  %-13s", g.exercise.id(), g.exercise.title(), g.status.label));
            switch (g.status) {
                case DONE:
                    out.append(" ").append(g.passed).append('/').append(g.tests).append(" tests pass\n");
                    break;
                case NOT_DONE_YET:
                    out.append(" start in solutions/chapter").append(chapter).append('/').append(g.exercise.file()).append('\n');
                    break;
                default:
                    out.append(' ').append(g.passed).append('/').append(g.tests).append(" tests pass\n");
                    indent(out, "failing test: " + g.failingTest + "\n" + g.reason);
                    indent(out, "hint: " + g.exercise.hint() + " (file: solutions/chapter" + chapter + "/" + g.exercise.file() + ")");
            }
        }
        long done = grades.stream().filter(g -> g.status == ExerciseGrade.Status.DONE).count();
        out.append('\n').append(done).append('/').append(grades.size()).append(" done");
        out.append("   (details: target/surefire-reports, machine-readable: ").append(json).append(")\n");
        return out.toString();
    }

    private static void indent(StringBuilder out, String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, REASON_LINES); i++) {
            out.append("        ").append(lines[i]).append('\n');
        }
        if (lines.length > REASON_LINES) {
            out.append("        ... (").append(lines.length - REASON_LINES).append(" more lines in target/surefire-reports)\n");
        }
    }

    /** Every exercise of the chapter, from the compiled test classes, in the book's order. */
    static Map<String, Exercise> exercisesOf(Path testClasses, String chapter) throws IOException {
        Path dir = testClasses.resolve("chapter" + chapter);
        Map<String, Exercise> byId = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return byId;
        }
        List<Exercise> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Exercise e = Exercises.find(load("chapter" + chapter + "." + name.substring(0, name.length() - 6)));
                    if (e != null) {
                        found.add(e);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Scorecard::orderKey));
        for (Exercise e : found) {
            byId.putIfAbsent(e.id(), e);
        }
        return byId;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Scorecard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class " + className + " cannot be loaded", e);
        }
    }

    /** "1.10" sorts after "1.9". */
    private static String orderKey(Exercise e) {
        String[] parts = e.id().split("\\.");
        StringBuilder key = new StringBuilder();
        for (String p : parts) {
            key.append(String.format("%05d", Integer.parseInt(p)));
        }
        return key.toString();
    }

    private static List<TestOutcome> readOutcomes(Path runDir) throws IOException {
        List<TestOutcome> outcomes = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return outcomes;
        }
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        outcomes.add(TestOutcome.parse(line));
                    }
                }
            }
        }
        return outcomes;
    }
}
