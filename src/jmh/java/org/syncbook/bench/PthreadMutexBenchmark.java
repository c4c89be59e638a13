package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 2: what one uncontended lock and unlock costs, a single thread taking a lock nobody else
 * wants, around a one-field critical section ({@code counter++}). The two-thread case is
 * {@link PthreadMutexContendedBenchmark}.
 *
 * <table>
 *   <caption>What {@code lock} selects</caption>
 *   <tr><th>lock</th><th>one operation</th></tr>
 *   <tr><td>{@code PthreadMutex}</td><td>{@code try (Held h = mutex.lock()) { counter++; }}: chapter 2's wrapper, with its
 *       checks (closed? owner? virtual thread?), the users count and the guard</td></tr>
 *   <tr><td>{@code PthreadRaw}</td><td>{@code pthread_mutex_lock}, {@code counter++}, {@code pthread_mutex_unlock} through
 *       JNA on an off-heap {@code pthread_mutex_t}, no checks: the price of the two native calls alone</td></tr>
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
public class PthreadMutexBenchmark {
    @Param({"PthreadMutex", "PthreadRaw", "ReentrantLock", "synchronized"})
    String lock;

    private Subject subject;

    @Setup
    public void create() {
        subject = PthreadLocks.create(lock);
    }

    @Benchmark
    public long lockUnlock() {
        return subject.increment();
    }

    @TearDown
    public void close() {
        subject.close();
    }
}
