package org.syncbook.bench;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.syncbook.futex.examples.PingPong;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Cpus;

/**
 * The pong side of a ping-pong benchmark: a daemon thread pinned as role 1 of a {@link Placement}
 * that answers until the ping-pong is stopped. The benchmark thread pins itself as role 0 with
 * {@link #pinPing()} at every iteration, in case JMH runs one on another thread.
 */
final class PongThread {
    private final PingPong pingPong;
    private final Placement placement;
    private final BitSet processCpus = Cpus.allowed(); // before any pinning: a new thread inherits its creator's CPUs
    private final Thread thread;
    private volatile Throwable failure;

    /** Starts the pong thread and returns once it is pinned. */
    PongThread(PingPong pingPong, Placement placement) throws InterruptedException {
        this.pingPong = pingPong;
        this.placement = placement;
        CountDownLatch pinned = new CountDownLatch(1);
        thread = new Thread(() -> {
            try {
                Cpus.allow(processCpus);
                placement.pin(1);
            } catch (RuntimeException e) {
                failure = e;
                return;
            } finally {
                pinned.countDown();
            }
            try {
                while (pingPong.pong()) {
                    // answer until stopped
                }
            } catch (Throwable e) {
                failure = e;
            }
        }, "pong");
        thread.setDaemon(true);
        thread.start();
        if (!pinned.await(10, TimeUnit.SECONDS) || failure != null) {
            throw new IllegalStateException("the pong thread could not be pinned for " + placement, failure);
        }
    }

    /** Pins the calling (benchmark) thread as role 0. */
    void pinPing() {
        Cpus.allow(processCpus);
        placement.pin(0);
    }

    /** Stops the ping-pong, joins the pong thread and gives the caller its CPUs back. */
    void stop() throws InterruptedException {
        pingPong.stop();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        Cpus.allow(processCpus);
        if (thread.isAlive()) {
            throw new IllegalStateException("the pong thread did not stop: " + thread.getState());
        }
        if (failure != null) {
            throw new IllegalStateException("the pong thread failed", failure);
        }
    }
}
