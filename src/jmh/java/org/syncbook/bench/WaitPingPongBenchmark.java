package org.syncbook.bench;

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
    private PongThread pong;

    @Setup(Level.Trial)
    public void startPong() throws InterruptedException {
        pingPong = new QueuePingPong(WaitQueues.create(strategy), 0, strategy);
        pong = new PongThread(pingPong, placement);
    }

    @Setup(Level.Iteration)
    public void pinPing() {
        pong.pinPing();
    }

    @Benchmark
    public void roundTrip() {
        pingPong.ping();
    }

    @TearDown(Level.Trial)
    public void stopPong() throws InterruptedException {
        pong.stop();
    }
}
