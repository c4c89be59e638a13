package org.syncbook.futex.examples;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Cpus;

/**
 * Times {@link PingPong} round trips between two threads pinned as a {@link Placement} says: the
 * small, readable version of {@code FutexPingPongBenchmark} that a notebook runs in a second and
 * plots. Each round trip is timed on its own with {@link System#nanoTime()} (some 25 ns of the
 * clock against microseconds of round trip), after a warm-up that is not recorded.
 *
 * <p>Every wait is bounded: if the two threads have not finished within the time limit, the
 * experiment throws instead of hanging (the threads are daemons and are left behind).
 */
public final class PingPongExperiment {
    private final int roundTrips;
    private final int warmUp;
    private final Placement placement;
    private final long limitMillis;

    /**
     * @param roundTrips round trips to record
     * @param warmUp     round trips to run first without recording
     * @param placement  where the two threads run (the ping side takes role 0, the pong side role 1)
     * @param limit      how long the whole run may take before the experiment gives up
     */
    public PingPongExperiment(int roundTrips, int warmUp, Placement placement, long limit, TimeUnit unit) {
        if (roundTrips < 1 || warmUp < 0 || limit <= 0) {
            throw new IllegalArgumentException("need roundTrips >= 1, warmUp >= 0 and a positive limit");
        }
        this.roundTrips = roundTrips;
        this.warmUp = warmUp;
        this.placement = placement;
        this.limitMillis = unit.toMillis(limit);
    }

    /** Runs the round trips on {@code pingPong} and returns their durations in nanoseconds. */
    public Histogram run(PingPong pingPong) throws InterruptedException {
        Histogram roundTripNanos = new Histogram(3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BitSet processCpus = Cpus.allowed(); // pinning is per thread: each of ours starts from the process's set

        Thread pong = new Thread(() -> guard(failure, () -> {
            Cpus.allow(processCpus);
            placement.pin(1);
            while (pingPong.pong()) {
                // answer until stopped
            }
        }), "pong");
        Thread ping = new Thread(() -> guard(failure, () -> {
            Cpus.allow(processCpus);
            placement.pin(0);
            try {
                for (int i = 0; i < warmUp; i++) {
                    pingPong.ping();
                }
                for (int i = 0; i < roundTrips; i++) {
                    long start = System.nanoTime();
                    pingPong.ping();
                    roundTripNanos.recordValue(System.nanoTime() - start);
                }
            } finally {
                pingPong.stop();
            }
        }), "ping");
        pong.setDaemon(true);
        ping.setDaemon(true);
        pong.start();
        ping.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        for (Thread t : new Thread[] {ping, pong}) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            t.join(Math.max(1, left));
            if (t.isAlive()) {
                throw new IllegalStateException(pingPong.name() + " " + placement.label() + ": thread " + t.getName()
                        + " still running after " + limitMillis + " ms (" + t.getState() + "): a lost wake-up?");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the ping-pong failed: " + failure.get(), failure.get());
        }
        return roundTripNanos;
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
