package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
import org.syncbook.futex.Futexes;
import org.syncbook.lock.FutexMutex;
import org.syncbook.lock.Mutex1;
import org.syncbook.lock.Mutex2;
import org.syncbook.lock.Mutex3;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.sys.Clocks;

/**
 * Chapter 4: what one uncontended lock and unlock costs, a single thread taking a lock nobody else
 * wants around a one-field critical section ({@code counter++}). The two-thread case is
 * {@link MutexContendedBenchmark}. The target: {@code FutexMutex} at most 1.1 times
 * {@code ReentrantLock}'s time, in the same run.
 *
 * <p>Besides the wall-clock time per operation, JMH prints {@code lockUnlock:cpu}, the CPU time
 * per operation. It does not grow when other processes take the CPU away, so on a busy machine
 * compare that one. It is read at the edges of each iteration (reading a CPU clock is a system
 * call) and reported as {@link FlagWakeBenchmark}'s CPU times are: JMH prints an
 * {@code OPERATIONS} counter {@code c} as <em>iteration time / c</em>, so {@code c} is set to
 * {@code operations * wallTime / cpuTime} over the same span, the operations being the
 * subject's own {@code counter}.
 *
 * <table>
 *   <caption>What {@code lock} selects</caption>
 *   <tr><th>lock</th><th>one operation</th></tr>
 *   <tr><td>{@code Mutex1}</td><td>step 1 on a Linux futex: a wake system call on every unlock</td></tr>
 *   <tr><td>{@code Mutex2}, {@code Mutex3}</td><td>steps 2 and 3: no futex call when uncontended</td></tr>
 *   <tr><td>{@code FutexMutex}</td><td>the last step, through {@code lock()}/{@code unlock()} in try/finally</td></tr>
 *   <tr><td>{@code FutexMutexHeap}</td><td>the same on the portable back end with a heap word: what the off-heap word's checks cost</td></tr>
 *   <tr><td>{@code FutexMutexGuard}</td><td>the same through {@code try (Guard held = mutex.guard())}</td></tr>
 *   <tr><td>{@code ReentrantLock}</td><td>{@code lock(); try { counter++; } finally { unlock(); }}</td></tr>
 *   <tr><td>{@code synchronized}</td><td>{@code synchronized (monitor) { counter++; }}</td></tr>
 * </table>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
public class MutexBenchmark {

    /** The lock and its counter, and the CPU clock around each iteration (see the class comment). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Locked {
        @Param({"Mutex1", "Mutex2", "Mutex3", "FutexMutex", "FutexMutexHeap", "FutexMutexGuard", "ReentrantLock", "synchronized"})
        String lock;

        Subject subject;
        private long count0;
        private long wall0;
        private long cpu0;
        private double cpuOps;

        @Setup
        public void create() {
            subject = MutexBenchmark.create(lock);
        }

        @Setup(Level.Iteration)
        public void startClocks() {
            count0 = subject.counter;
            cpu0 = Clocks.threadCpuNanos();
            wall0 = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void stopClocks() {
            long wall = System.nanoTime() - wall0;
            long cpu = Clocks.threadCpuNanos() - cpu0;
            cpuOps = cpu <= 0 ? Double.POSITIVE_INFINITY : (double) (subject.counter - count0) * wall / cpu;
        }

        /** Reported as {@code lockUnlock:cpu}, the CPU time per operation. */
        public double cpu() {
            return cpuOps;
        }
    }

    @Benchmark
    public long lockUnlock(Locked locked) {
        return locked.subject.increment();
    }

    /** The lock named {@code name}, guarding its counter; {@link MutexContendedBenchmark} uses the same ones. */
    static Subject create(String name) {
        FutexBackend linux = FutexBackend.LINUX;
        switch (name) {
            case "Mutex1": {
                Mutex1 m = new Mutex1(linux);
                return Subject.lockedBy(m::lock, m::unlock);
            }
            case "Mutex2": {
                Mutex2 m = new Mutex2(linux);
                return Subject.lockedBy(m::lock, m::unlock);
            }
            case "Mutex3": {
                Mutex3 m = new Mutex3(linux);
                return Subject.lockedBy(m::lock, m::unlock);
            }
            case "FutexMutex":
                return Subject.lockedBy(new FutexMutex(linux));
            case "FutexMutexHeap":
                return Subject.lockedBy(new FutexMutex(Futexes.portable(new HeapIntWord(0))));
            case "FutexMutexGuard": {
                FutexMutex m = new FutexMutex(linux);
                return new Subject() {
                    @Override
                    long increment() {
                        try (FutexMutex.Guard held = m.guard()) {
                            return ++counter;
                        }
                    }
                };
            }
            case "ReentrantLock":
                return Subject.lockedBy(new ReentrantLock());
            case "synchronized":
                return Subject.synchronizedOnAMonitor();
            default: throw new IllegalArgumentException("unknown lock " + name
                    + "; use Mutex1, Mutex2, Mutex3, FutexMutex, FutexMutexHeap, FutexMutexGuard, ReentrantLock or synchronized");
        }
    }
}
