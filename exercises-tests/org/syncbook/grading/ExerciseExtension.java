package org.syncbook.grading;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs each test of an {@link Exercise} on a fresh daemon thread, in a thread group of its own,
 * and gives up on it after the exercise's time limit.
 *
 * <p>Why not JUnit's own {@code @Timeout}: a learner's thread blocked in a native futex wait does
 * not see {@link Thread#interrupt()}, so a limit that waits for the test method to return would
 * wait forever. This one stops waiting, reports the stack of every thread the test started (they
 * inherit its thread group) and leaves them behind as daemons, so the grader always finishes.
 */
public final class ExerciseExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        runWithTimeLimit(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        runWithTimeLimit(invocation, context);
    }

    private static void runWithTimeLimit(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Exercise exercise = Exercises.of(context.getRequiredTestClass());
        long limitMillis = Math.round(exercise.timeoutSeconds() * 1000 * timeoutScale());

        ThreadGroup group = new ThreadGroup("exercise " + exercise.id());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        Thread test = new Thread(group, () -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                finished.countDown();
            }
        }, "test: " + context.getDisplayName());
        test.setDaemon(true); // threads it starts inherit this, so none of them can keep the JVM alive
        test.start();

        if (!finished.await(limitMillis, TimeUnit.MILLISECONDS)) {
            String report = ThreadReport.of(group);
            group.interrupt(); // a courtesy: threads stuck in native waits will not notice
            throw new ExerciseTimedOut(exercise, limitMillis, report);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** {@code -Dworkbook.timeout.scale}: every time limit and patience of the grader is multiplied by it. */
    public static double timeoutScale() {
        String scale = System.getProperty("workbook.timeout.scale", "1");
        try {
            double value = Double.parseDouble(scale);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("workbook.timeout.scale must be a positive number, not '" + scale + "'");
    }

    /** A test ran past its exercise's time limit. */
    public static final class ExerciseTimedOut extends AssertionError {
        private static final long serialVersionUID = 1L;

        ExerciseTimedOut(Exercise exercise, long limitMillis, String threadReport) {
            super("Gave up after " + limitMillis / 1000.0 + " s: deadlock or lost wakeup? "
                    + "A thread is still waiting for something that never happened.\n"
                    + "Where each thread of the test was at that moment:\n" + threadReport);
        }
    }
}
