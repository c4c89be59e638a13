package org.syncbook.measure;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.syncbook.sys.Clocks;
import org.syncbook.sys.Flag;

/**
 * Chapter 1's experiment: one thread waits for a {@link Flag}, another raises it after a while,
 * many times over. For each kind of flag it measures
 * <ul>
 *   <li>the <b>wake latency</b>: from just before {@code raise()} to the moment {@code awaitRaised()}
 *       returns in the waiter, both read from {@link System#nanoTime()};</li>
 *   <li>the <b>CPU burned while waiting</b>: the waiter's own CPU time
 *       ({@code CLOCK_THREAD_CPUTIME_ID}) across its waits, divided by the time it waited.</li>
 * </ul>
 * A whole-CPU spinner shows 100 %, a sleeping waiter close to 0 %.
 *
 * <p>Not a benchmark harness: JMH measures the round trips in {@code src/jmh/java}. This is the
 * small, readable version a notebook can run in a few seconds and plot.
 */
public final class FlagWaitExperiment {
    private final int trials;
    private final long holdNanos;
    private final Placement placement;

    /**
     * @param trials     wake-ups to measure
     * @param holdMicros how long the waker keeps the flag down in each trial: long enough for a
     *                   sleeping waiter to be really asleep
     * @param placement  where the two threads run
     */
    public FlagWaitExperiment(int trials, long holdMicros, Placement placement) {
        if (placement == null) {
            throw new IllegalArgumentException("a placement is needed: SAME_CPU, TWO_CPUS or UNPINNED");
        }
        if (trials < 1 || holdMicros < 0) {
            throw new IllegalArgumentException("need trials >= 1 and holdMicros >= 0, got " + trials + ", " + holdMicros);
        }
        this.trials = trials;
        this.holdNanos = holdMicros * 1000;
        this.placement = placement;
    }

    /** Runs the experiment on flags made by {@code newFlag}, one flag per trial. */
    public FlagWaitResult run(Supplier<? extends Flag> newFlag) throws InterruptedException {
        Flag[] flags = new Flag[trials];
        for (int i = 0; i < trials; i++) {
            flags[i] = newFlag.get();
        }
        long[] raisedAt = new long[trials];
        long[] wokeAt = new long[trials];
        AtomicLong waited = new AtomicLong();
        AtomicLong burned = new AtomicLong();
        CyclicBarrier round = new CyclicBarrier(2); // both threads start each trial together
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread[] threads = new Thread[2]; // [0] waiter, [1] waker: a failing one stops the other
        threads[0] = new Thread(() -> guard(failure, round, threads[1], () -> {
            placement.pin(0);
            for (int i = 0; i < trials; i++) {
                round.await();
                long cpu0 = Clocks.threadCpuNanos();
                long wall0 = System.nanoTime();
                flags[i].awaitRaised();
                wokeAt[i] = System.nanoTime();
                burned.addAndGet(Clocks.threadCpuNanos() - cpu0);
                waited.addAndGet(wokeAt[i] - wall0);
            }
        }), "waiter");
        threads[1] = new Thread(() -> guard(failure, round, threads[0], () -> {
            placement.pin(1);
            for (int i = 0; i < trials; i++) {
                round.await();
                sleepOrSpin(holdNanos);
                raisedAt[i] = System.nanoTime();
                flags[i].raise();
            }
        }), "waker");
        for (Thread t : threads) {
            t.setDaemon(true); // a flag that never returns must not keep the JVM alive
            t.start();
        }
        awaitBoth(threads, failure);
        if (failure.get() != null) {
            throw new IllegalStateException("the experiment failed: " + failure.get(), failure.get());
        }

        Histogram latency = new Histogram(3);
        for (int i = 0; i < trials; i++) {
            latency.recordValue(Math.max(0, wokeAt[i] - raisedAt[i]));
        }
        return new FlagWaitResult(flags[0].getClass().getSimpleName(), placement, latency, waited.get(), burned.get());
    }

    /**
     * Lets the hold time pass without spinning when it is long, so the waker leaves the CPU to a
     * waiter that shares it (placement SAME_CPU); short holds are spun, since sleeping overshoots.
     */
    private static void sleepOrSpin(long nanos) throws InterruptedException {
        if (nanos >= 200_000) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } else {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /**
     * Runs one side of the experiment. If it fails, the other side is told (barrier broken, thread
     * interrupted), since it may otherwise wait for a round or a raise that will never come.
     */
    private static void guard(AtomicReference<Throwable> failure, CyclicBarrier round, Thread other, Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            if (failure.compareAndSet(null, e)) {
                round.reset();
                other.interrupt();
            }
        }
    }

    /**
     * Waits for both threads. After a failure, gives the other thread a second to notice; a flag
     * that ignores interrupts (a spinning one whose raise never came) is left behind as a daemon.
     */
    private static void awaitBoth(Thread[] threads, AtomicReference<Throwable> failure) throws InterruptedException {
        long failedAt = 0;
        while (threads[0].isAlive() || threads[1].isAlive()) {
            for (Thread t : threads) {
                t.join(20);
            }
            if (failure.get() != null) {
                if (failedAt == 0) {
                    failedAt = System.nanoTime();
                } else if (System.nanoTime() - failedAt > 1_000_000_000L) {
                    return;
                }
            }
        }
    }
}
