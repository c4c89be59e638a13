package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.syncbook.measure.ThunderingHerd;
import org.syncbook.measure.ThunderingHerd.Broadcast;

/**
 * Chapter 5: {@code signalAll()} to {@code waiters} sleeping threads, waking them all
 * ({@code WAKE_ALL}, {@link org.syncbook.lock.Condvar2}) or requeueing all but one onto the mutex
 * word ({@code REQUEUE}, {@link org.syncbook.lock.Condvar3}); see {@link ThunderingHerd}.
 *
 * <p>The score is the time from the broadcast until every waiter has had the mutex (µs). The
 * figure the chapter is about is the secondary one: the counters {@code sleeps} (the woken threads'
 * wait calls on the mutex word) and {@code broadcasts}; {@code sleeps / broadcasts} is how many
 * woken threads went back to sleep per broadcast. Putting the waiters to sleep before each
 * broadcast (a millisecond's pause) is outside the measured time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@State(Scope.Benchmark)
public class CondvarBroadcastBenchmark {
    @Param({"2", "4", "8", "16"})
    public int waiters;

    @Param({"WAKE_ALL", "REQUEUE"})
    public Broadcast broadcast;

    @Param({"LINUX", "PORTABLE"})
    public FutexBackend backend;

    private ThunderingHerd herd;

    /** Counts per iteration, reported next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counts {
        public long sleeps;
        public long broadcasts;
    }

    @Setup(Level.Trial)
    public void start() {
        herd = new ThunderingHerd(broadcast, waiters, backend, 1_000);
    }

    @Setup(Level.Invocation)
    public void letThemSleep() {
        herd.awaitAllAsleep();
    }

    @Benchmark
    public void signalAll(Counts counts) {
        counts.sleeps += herd.broadcast();
        counts.broadcasts++;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        herd.close();
    }
}
