package org.syncbook.bench;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Cpus;
import org.syncbook.wait.examples.QueuePingPong;

/**
 * Chapter 7: the wake latency of each {@link org.syncbook.wait.WaitQueue} strategy, as the round
 * trip of chapter 3's ping-pong ({@link QueuePingPong}: each side sleeps on its own key). Compare
 * {@code FUTEX} on {@code SAME_CPU} with {@code FutexPingPongBenchmark}'s {@code LinuxFutex} and
 * with the C baseline in {@code docs/results/c}: the queue adds its registration and the look at
 * the condition to the bare futex round trip. Sample time: the chapter quotes medians (µs).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@State(Scope.Thread)
public class WaitPingPongBenchmark {
    @Param({"FUTEX", "CONDVAR", "SPIN_WAIT", "PORTABLE_FUTEX"})
    String strategy;

    @Param({"SAME_CPU", "TWO_CPUS"})
    Placement placement;

    private QueuePingPong pingPong;
    private BitSet processCpus;
    private Thread pong;
    private volatile Throwable pongFailure;

    @Setup(Level.Trial)
    public void startPong() throws InterruptedException {
        pingPong = new QueuePingPong(WaitQueues.create(strategy), 0, strategy);
        processCpus = Cpus.allowed(); // before any pinning: a new thread inherits its creator's CPUs
        CountDownLatch pinned = new CountDownLatch(1);
        pong = new Thread(() -> {
            try {
                Cpus.allow(processCpus);
                placement.pin(1);
            } catch (RuntimeException e) {
                pongFailure = e;
                return;
            } finally {
                pinned.countDown();
            }
            while (pingPong.pong()) {
                // answer until stopped
            }
        }, "pong");
        pong.setDaemon(true);
        pong.start();
        if (!pinned.await(10, TimeUnit.SECONDS) || pongFailure != null) {
            throw new IllegalStateException("the pong thread could not be pinned for " + placement, pongFailure);
        }
    }

    @Setup(Level.Iteration)
    public void pinPing() {
        Cpus.allow(processCpus);
        placement.pin(0);
    }

    @Benchmark
    public void roundTrip() {
        pingPong.ping();
    }

    @TearDown(Level.Trial)
    public void stopPong() throws InterruptedException {
        pingPong.stop();
        pong.join(TimeUnit.SECONDS.toMillis(10));
        Cpus.allow(processCpus);
        if (pong.isAlive()) {
            throw new IllegalStateException("the pong thread did not stop: " + pong.getState());
        }
    }
}
