package org.syncbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts N threads behind a start gate, so they begin at the same moment instead of one by one
 * as {@link Thread#start()} returns, and gives each its own {@link Random} derived from a seed
 * that is printed with any failure, so a failing run can be repeated
 * ({@code -Dworkbook.seed=...}).
 */
public final class Workers {
    /** What each worker runs: its index (0..n-1) and its own random source. */
    @FunctionalInterface
    public interface Body {
        void run(int index, Random random) throws Exception;
    }

    private final String name;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    private Workers(String name, long seed) {
        this.name = name;
        this.seed = seed;
    }

    /** Starts {@code n} threads named {@code name-0 .. name-(n-1)}, held at the gate until {@link #go()}. */
    public static Workers start(String name, int n, Body body) {
        Workers workers = new Workers(name, chooseSeed());
        for (int i = 0; i < n; i++) {
            int index = i;
            Random random = new Random(workers.seed * 31 + index);
            Thread t = new Thread(() -> {
                try {
                    workers.gate.await();
                    body.run(index, random);
                } catch (Throwable e) {
                    workers.firstFailure.compareAndSet(null, e);
                }
            }, name + "-" + i);
            t.setDaemon(true);
            workers.threads.add(t);
            t.start();
        }
        return workers;
    }

    /** Opens the gate. */
    public Workers go() {
        gate.countDown();
        return this;
    }

    /** Waits for every worker (the exercise's time limit stops a wait that never ends) and rethrows the first failure. */
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new AssertionError(failure.getMessage() + " (workers '" + name + "', seed " + seed
                    + "; repeat with -Dworkbook.seed=" + seed + ")", failure);
        }
    }

    /** The seed this run used. */
    public long seed() {
        return seed;
    }

    /** The seed from {@code -Dworkbook.seed}, or a fresh one. */
    public static long chooseSeed() {
        String fixed = System.getProperty("workbook.seed");
        return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    }
}
