package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A daemon thread running one piece of a test, whose result or failure the test collects. Daemon, so
 * a thread stuck in a native wait never keeps the test JVM alive.
 */
final class Async<T> {
    private final Thread thread;
    private final AtomicReference<T> result = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean done;

    private Async(String name, Callable<T> body) {
        thread = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                done = true;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code body} on a new daemon thread called {@code name}. */
    static <T> Async<T> call(String name, Callable<T> body) {
        return new Async<>(name, body);
    }

    interface Body {
        void run() throws Exception;
    }

    /** Starts {@code body}, which returns nothing, on a new daemon thread. */
    static Async<Void> run(String name, Body body) {
        return new Async<>(name, () -> {
            body.run();
            return null;
        });
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return done;
    }

    /** Waits up to {@code millis} for the thread to end; whether it did. */
    boolean finishesWithin(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Waits up to 10 s; fails the test if it is still running, rethrows its failure, returns its result. */
    T get(String what) throws InterruptedException {
        if (!finishesWithin(10_000)) {
            fail(what + ": thread '" + thread.getName() + "' was still running after 10 s");
        }
        if (failure.get() != null) {
            throw new AssertionError(what + ": thread '" + thread.getName() + "' failed: " + failure.get(), failure.get());
        }
        return result.get();
    }

    /** Waits up to 10 s for the thread to end and returns what it threw (null if nothing). */
    Throwable failure(String what) throws InterruptedException {
        if (!finishesWithin(10_000)) {
            fail(what + ": thread '" + thread.getName() + "' was still running after 10 s");
        }
        return failure.get();
    }

    /** Polls {@code condition} every millisecond for up to 10 s; fails with {@code what} if it never holds. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("after 10 s, still not true: " + what);
            }
            Thread.sleep(1);
        }
    }
}
