package org.syncbook.measure;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.syncbook.sys.Clocks;
import org.syncbook.wait.WaitOutcome;
import org.syncbook.wait.WaitQueue;

/**
 * Chapter 7's crossover experiment: one thread waits on a {@link WaitQueue} for a value another
 * thread sets after a <em>hold</em> (1 µs ... 10 ms), many times over, and for each strategy and
 * hold it measures the wake latency (from just before the waker's change to the moment
 * {@code waitWhile} returns, on {@link System#nanoTime()}) and the share of a CPU the waiter burned
 * while it waited. Which strategy is best depends on the hold: that is the chapter's guidance table.
 *
 * <p>Not a benchmark harness (JMH measures round trips in {@code WaitPingPongBenchmark}): the small,
 * readable version a notebook can run in seconds and plot. The waker spins through holds shorter
 * than 200 µs (sleeping would overshoot them) and sleeps through longer ones.
 */
public final class WaitCrossover {
    /** One strategy at one hold. */
    public record Point(String strategy, long holdMicros, Histogram latencyNanos, double cpuShare) {
        public double latencyMicros(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("%-10s hold %6d µs: median %8.1f µs, p99 %8.1f µs, CPU %5.1f %%",
                    strategy, holdMicros, latencyMicros(50), latencyMicros(99), 100 * cpuShare);
        }
    }

    private WaitCrossover() {
    }

    /** {@code trials} waits of {@code holdMicros} each on {@code queue}, the two threads placed by {@code placement}. */
    public static Point run(String strategy, WaitQueue<Long> queue, long holdMicros, int trials, Placement placement)
            throws InterruptedException {
        long[] setAt = new long[trials];
        long[] wokeAt = new long[trials];
        long[] burned = new long[1];
        long[] waited = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier round = new CyclicBarrier(2);
        // tag::trial[]
        AtomicLong stage = new AtomicLong(); // how many values the waker has set; the key is 0L
        Thread waiter = new Thread(() -> guard(failure, () -> {
            placement.pin(0);
            for (int i = 0; i < trials; i++) {
                long want = i + 1;
                round.await();
                long cpu0 = Clocks.threadCpuNanos();
                long wall0 = System.nanoTime();
                if (queue.waitWhile(0L, 10, TimeUnit.SECONDS, () -> stage.get() < want) != WaitOutcome.READY) {
                    throw new IllegalStateException("a wait timed out: a wake was lost");
                }
                wokeAt[i] = System.nanoTime();
                burned[0] += Clocks.threadCpuNanos() - cpu0;
                waited[0] += wokeAt[i] - wall0;
            }
        }), "waiter");
        Thread waker = new Thread(() -> guard(failure, () -> {
            placement.pin(1);
            for (int i = 0; i < trials; i++) {
                round.await();
                hold(holdMicros * 1000);
                setAt[i] = System.nanoTime();
                stage.set(i + 1);
                queue.wakeOne(0L);
            }
        }), "waker");
        // end::trial[]
        waiter.setDaemon(true);
        waker.setDaemon(true);
        waiter.start();
        waker.start();
        waiter.join(TimeUnit.MINUTES.toMillis(5));
        waker.join(TimeUnit.SECONDS.toMillis(10));
        if (failure.get() != null || waiter.isAlive()) {
            throw new IllegalStateException(strategy + " at " + holdMicros + " µs failed: " + failure.get(), failure.get());
        }
        Histogram latency = new Histogram(3);
        for (int i = 0; i < trials; i++) {
            latency.recordValue(Math.max(0, wokeAt[i] - setAt[i]));
        }
        return new Point(strategy, holdMicros, latency, waited[0] == 0 ? 0 : Math.min(1.0, (double) burned[0] / waited[0]));
    }

    private static void hold(long nanos) throws InterruptedException {
        if (nanos >= 200_000) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } else {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void guard(AtomicReference<Throwable> failure, Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }
}
