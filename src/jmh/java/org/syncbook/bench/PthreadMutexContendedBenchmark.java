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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.measure.Placement;

/**
 * Chapter 2: two threads taking the same lock as fast as they can, each around a one-field critical
 * section ({@code counter++}), nothing in between: the lock is contended on almost every call. The
 * locks are {@link PthreadMutexBenchmark}'s four ({@link PthreadLocks}).
 *
 * <p>JMH runs the benchmark method on two threads at once ({@code @Threads(2)}) and reports the
 * average time of one lock-increment-unlock per thread. The threads are pinned as {@code placement}
 * says: JMH's thread 0 takes role 0 of {@link Placement#pin}, thread 1 role 1, so on
 * {@code TWO_CPUS} they run on the first two CPUs this process may use and on {@code SAME_CPU} both
 * on the first, taking turns. The pinning is undone at the end of each trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@Threads(2)
public class PthreadMutexContendedBenchmark {

    /** The one lock both threads share. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"PthreadMutex", "PthreadRaw", "ReentrantLock", "synchronized"})
        String lock;


        Subject subject;

        @Setup(Level.Trial)
        public void create() {
            subject = PthreadLocks.create(lock);
        }

        @TearDown(Level.Trial)
        public void close() {
            subject.close();
        }
    }

    @Benchmark
    public long lockUnlock(Shared shared, PinnedThread pinned) {
        return shared.subject.increment();
    }
}
