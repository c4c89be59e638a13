package org.syncbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.syncbook.workbook.NotDoneYet;

/**
 * Records the outcome of every exercise test as one line of a raw results file, as soon as the
 * test ends, so the results of a test JVM survive even if a later test crashes it.
 * {@link Scorecard} turns the raw files of one run into the scorecard and its JSON copy.
 *
 * <p>Registered through {@code META-INF/services}; ignores tests without an {@link Exercise}.
 */
public final class GradingListener implements TestExecutionListener {
    private Writer out;

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource)) {
            return;
        }
        Exercise exercise = exerciseOf((MethodSource) test.getSource().get());
        if (exercise == null) {
            return;
        }
        Throwable error = result.getThrowable().orElse(null);
        TestOutcome outcome;
        switch (result.getStatus()) {
            case SUCCESSFUL:
                outcome = TestOutcome.passed(exercise, test.getDisplayName());
                break;
            case ABORTED:
                outcome = TestOutcome.failing(exercise, test.getDisplayName(), "skipped: " + messageOf(error));
                break;
            default:
                outcome = notDoneYet(error)
                        ? TestOutcome.notDoneYet(exercise, test.getDisplayName())
                        : TestOutcome.failing(exercise, test.getDisplayName(), messageOf(error));
        }
        write(outcome);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.getSource().orElse(null) instanceof MethodSource) {
            Exercise exercise = exerciseOf((MethodSource) test.getSource().get());
            if (exercise != null) {
                write(TestOutcome.failing(exercise, test.getDisplayName(), "skipped: " + reason));
            }
        }
    }

    private static Exercise exerciseOf(MethodSource source) {
        try {
            return Exercises.find(source.getJavaClass());
        } catch (RuntimeException | LinkageError e) {
            return null; // not loadable here: not ours to grade
        }
    }

    /** A stub was reached if {@link NotDoneYet} is anywhere among the failure's causes and suppressed exceptions. */
    static boolean notDoneYet(Throwable error) {
        return notDoneYet(error, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean notDoneYet(Throwable error, java.util.Set<Throwable> seen) {
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) { // seen: cause chains can loop
            if (t instanceof NotDoneYet) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (notDoneYet(s, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String messageOf(Throwable error) {
        if (error == null) {
            return "failed";
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            StackTraceElement where = error.getStackTrace().length > 0 ? error.getStackTrace()[0] : null;
            return error.getClass().getName() + (where != null ? " at " + where : "");
        }
        // An exception from the learner's code is named, so "NullPointerException" is not read as our verdict.
        return error instanceof AssertionError ? message : error.getClass().getSimpleName() + ": " + message;
    }

    private synchronized void write(TestOutcome outcome) {
        try {
            if (out == null) {
                Path dir = RawResults.runDirectory();
                Files.createDirectories(dir);
                Path file = dir.resolve("jvm-" + ProcessHandle.current().pid() + ".tsv");
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(outcome.toLine());
            out.write('\n');
            out.flush(); // a later crash must not take this result with it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the grade in " + Paths.get(RawResults.gradesDir()), e);
        }
    }
}
