package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.lock.FutexMutex;
import org.syncbook.lock.Mutex1;
import org.syncbook.lock.Mutex2;
import org.syncbook.lock.Mutex3;
import org.syncbook.mem.HeapIntWord;

/**
 * Chapter 4: what one uncontended lock and unlock costs, a single thread taking a lock nobody else
 * wants around a one-field critical section ({@code counter++}). The two-thread case is
 * {@link MutexContendedBenchmark}. The target: {@code FutexMutex} at most 1.1 times
 * {@code ReentrantLock}'s time, in the same run.
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
@State(Scope.Thread)
public class MutexBenchmark {
    @Param({"Mutex1", "Mutex2", "Mutex3", "FutexMutex", "FutexMutexHeap", "FutexMutexGuard", "ReentrantLock", "synchronized"})
    String lock;

    private Subject subject;

    @Setup
    public void create() {
        subject = create(lock);
    }

    @Benchmark
    public long lockUnlock() {
        return subject.increment();
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
