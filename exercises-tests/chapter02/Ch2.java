package chapter02;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.syncbook.workbook.NotDoneYet;
import org.syncbook.grading.ExerciseExtension;

/** What chapter 2's graders share: threads whose result, failure or hang the test reports in words. */
final class Ch2 {
    /** How long a grader waits for a thread that should be done at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(3_000 * ExerciseExtension.timeoutScale());

    private Ch2() {
    }


    /** One piece of a test on a daemon thread of its own (a thread stuck in C never keeps the JVM alive). */
    static final class Job<T> {
        private final Thread thread;
        private final AtomicReference<T> result = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Job(String name, Callable<T> body) {
            thread = new Thread(() -> {
                try {
                    result.set(body.call());
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        Thread thread() {
            return thread;
        }

        /** Whether the job ended within {@code millis}. */
        boolean endsWithin(long millis) throws InterruptedException {
            thread.join(Math.max(1, millis));
            return !thread.isAlive();
        }

        /** What it threw, or null; the job must have ended. */
        Throwable failure() {
            return failure.get();
        }

        /** Its result; rethrows its failure (a stub's "not done yet" among them) as the test's. */
        T result() {
            Throwable e = failure.get();
            if (e instanceof NotDoneYet) {
                throw (NotDoneYet) e;
            }
            if (e instanceof AssertionError) {
                throw (AssertionError) e;
            }
            if (e != null) {
                throw new AssertionError("thread '" + thread.getName() + "' failed with " + e, e);
            }
            return result.get();
        }

        /**
         * Waits {@link #PATIENCE_MILLIS} for the job to end, then returns what it threw, or null; if it is
         * still running, fails with {@code ifStuck} and where it is. A stub's "not done yet" is rethrown.
         */
        Throwable awaitThrown(String ifStuck) throws InterruptedException {
            if (!endsWithin(PATIENCE_MILLIS)) {
                throw new AssertionError(ifStuck + " (thread '" + thread.getName() + "' still running after "
                        + PATIENCE_MILLIS / 1000.0 + " s, at " + where(thread) + ")");
            }
            if (failure.get() instanceof NotDoneYet) {
                throw (NotDoneYet) failure.get();
            }
            return failure.get();
        }

        /** Waits {@link #PATIENCE_MILLIS} for the job; if it is still running, fails with {@code ifStuck} and where it is. */
        T await(String ifStuck) throws InterruptedException {
            if (!endsWithin(PATIENCE_MILLIS)) {
                throw new AssertionError(ifStuck + " (thread '" + thread.getName() + "' still running after "
                        + PATIENCE_MILLIS / 1000.0 + " s, at " + where(thread) + ")");
            }
            return result();
        }
    }

    static <T> Job<T> call(String name, Callable<T> body) {
        return new Job<>(name, body);
    }

    interface Body {
        void run() throws Exception;
    }

    static Job<Void> run(String name, Body body) {
        return new Job<>(name, () -> {
            body.run();
            return null;
        });
    }

    /** The innermost frame of the learner's code in {@code t}'s stack, or its top frame. */
    static String where(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("chapter02.") && !e.getClassName().contains("Test")
                    && !e.getClassName().startsWith("chapter02.Ch2")) {
                return e.getClassName().substring("chapter02.".length()) + "." + e.getMethodName() + "(" + e.getFileName()
                        + ":" + e.getLineNumber() + ")";
            }
        }
        return stack.length > 0 ? stack[0].toString() : "?";
    }
}
