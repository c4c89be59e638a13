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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.measure.Placement;

/**
 * Chapter 4: two threads taking the same lock as fast as they can, each around a one-field critical
 * section ({@code counter++}): the lock is contended on almost every call. The locks are
 * {@link MutexBenchmark}'s. The target: {@code FutexMutex} at least as much throughput as
 * {@code ReentrantLock} (so at most its average time), in the same run.
 *
 * <p>As in {@link PthreadMutexContendedBenchmark}: two JMH threads, JMH's thread 0 pinned as role 0
 * of {@link Placement#pin}, thread 1 as role 1 ({@code TWO_CPUS}: the first two CPUs this process
 * may use; {@code SAME_CPU}: both on the first); the pinning is undone at the end of each trial.
 * The figure is the average time of one lock-increment-unlock per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@Threads(2)
public class MutexContendedBenchmark {

    /** The one lock both threads share. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"Mutex1", "Mutex2", "Mutex3", "FutexMutex", "FutexMutexHeap", "ReentrantLock", "synchronized"})
        String lock;


        Subject subject;

        @Setup(Level.Trial)
        public void create() {
            subject = MutexBenchmark.create(lock);
        }
    }

    @Benchmark
    public long lockUnlock(Shared shared, PinnedThread pinned) {
        return shared.subject.increment();
    }
}
