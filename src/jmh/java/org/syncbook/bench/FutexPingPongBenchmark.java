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
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.CondvarPingPong;
import org.syncbook.futex.examples.FutexPingPong;
import org.syncbook.futex.examples.ParkPingPong;
import org.syncbook.futex.examples.PingPong;
import org.syncbook.measure.Placement;

/**
 * Chapter 3: the round trip of a turn handed back and forth between two pinned threads, through
 * each way of sleeping the workbook has. The protocol is {@link PingPong}'s, the same as the C
 * baseline in {@code docs/results/c/futex_pingpong.c}, which runs next to it for the chapter's
 * "Java versus C" comparison.
 *
 * <table>
 *   <caption>What {@code impl} selects</caption>
 *   <tr><th>impl</th><th>sleeps and wakes with</th></tr>
 *   <tr><td>{@code LinuxFutex}</td><td>{@code futex(2)} on an off-heap word, through JNA direct mapping ({@link FutexPingPong})</td></tr>
 *   <tr><td>{@code PortableFutex}</td><td>the portable back end: a parking lot in Java over {@code LockSupport}, on a heap word</td></tr>
 *   <tr><td>{@code LockSupport}</td><td>{@code park}/{@code unpark} on a volatile field ({@link ParkPingPong})</td></tr>
 *   <tr><td>{@code PthreadCondvar}</td><td>a pthread mutex and condition variable, chapter 2's wrappers ({@link CondvarPingPong})</td></tr>
 * </table>
 *
 * <p>One operation is one round trip: JMH's benchmark thread calls {@link PingPong#ping()}, a daemon
 * thread of the benchmark answers with {@link PingPong#pong()}. Mode {@code SampleTime}: JMH times
 * a sample of single round trips and prints their distribution; the chapter quotes the median
 * ({@code p0.50}), as the C program does, because the mean of a wake-up is dominated by the rare
 * round trip that waits for a timer tick or a preemption.
 *
 * <p>Between iterations the pong side simply sleeps in its wait; at the end of a trial it is
 * stopped and joined. JMH ends an iteration between two round trips, never inside one.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@State(Scope.Thread)
public class FutexPingPongBenchmark {
    @Param({"LinuxFutex", "PortableFutex", "LockSupport", "PthreadCondvar"})
    String impl;

    /** Where the threads run: the pong side takes role 1 of {@link Placement#pin}, the benchmark thread role 0. */
    @Param({"SAME_CPU", "TWO_CPUS"})
    Placement placement;

    private PingPong pingPong;
    private PongThread pong;

    static PingPong create(String impl) {
        switch (impl) {
            case "LinuxFutex": return new FutexPingPong(FutexBackend.LINUX);
            case "PortableFutex": return new FutexPingPong(FutexBackend.PORTABLE);
            case "LockSupport": return new ParkPingPong();
            case "PthreadCondvar": return new CondvarPingPong();
            default: throw new IllegalArgumentException(
                    "unknown impl " + impl + "; use LinuxFutex, PortableFutex, LockSupport or PthreadCondvar");
        }
    }

    @Setup(Level.Trial)
    public void startPong() throws InterruptedException {
        pingPong = create(impl);
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
        if (pingPong instanceof AutoCloseable) {
            try {
                ((AutoCloseable) pingPong).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + impl + " failed", e);
            }
        }
    }
}
