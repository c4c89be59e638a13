package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
import org.openjdk.jmh.infra.ThreadParams;
import org.syncbook.futex.Futexes;
import org.syncbook.lock.RwLock1;
import org.syncbook.lock.RwLock2;
import org.syncbook.lock.RwLock3;
import org.syncbook.lock.RwLockReadWrite;
import org.syncbook.pthread.Held;
import org.syncbook.pthread.PthreadRwLock;

/**
 * Chapter 6: read-mostly throughput of the reader–writer locks. Four threads share one lock; each
 * operation is a read (read lock, read the two guarded fields, unlock) or, {@code writePercent}
 * times in a hundred, a write (write lock, bump both fields, unlock). Which one comes from a
 * per-thread xorshift generator, so the choice costs a few instructions and no shared state.
 * The figure is operations per microsecond, all threads together. The locks: the chapter's three
 * steps, {@link RwLockReadWrite}, {@link ReentrantReadWriteLock}, and glibc's
 * {@code pthread_rwlock_t} through {@link PthreadRwLock}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@Threads(4)
public class RwLockBenchmark {

    /** The one lock and the two fields it guards. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"RwLock1", "RwLock2", "RwLock3", "RwLockReadWrite", "ReentrantReadWriteLock", "PthreadRwLock"})
        String lock;

        @Param({"10", "1"})
        int writePercent;

        Guarded guarded;

        @Setup(Level.Trial)
        public void create() {
            guarded = Guarded.create(lock);
        }

        @TearDown(Level.Trial)
        public void close() {
            guarded.close();
        }
    }

    /** Each thread's own random source. */
    @State(Scope.Thread)
    public static class Dice {
        private int x;

        @Setup(Level.Trial)
        public void seed(ThreadParams thread) {
            x = 0x9E3779B9 * (thread.getThreadIndex() + 1);
        }

        /** 0..99, from a 32-bit xorshift (Marsaglia 2003). */
        int roll() {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            return (x >>> 1) % 100;
        }
    }

    @Benchmark
    public long readMostly(Shared shared, Dice dice) {
        return dice.roll() < shared.writePercent ? shared.guarded.write() : shared.guarded.read();
    }

    /** Two fields behind a lock: a read returns their sum, a write bumps both. */
    abstract static class Guarded {
        long a; // guarded by the lock
        long b;

        abstract long read();

        abstract long write();

        void close() {
        }

        static Guarded create(String name) {
            switch (name) {
                case "RwLock1": {
                    RwLock1 l = new RwLock1(Futexes.defaultBackend());
                    return by(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
                }
                case "RwLock2": {
                    RwLock2 l = new RwLock2(Futexes.defaultBackend());
                    return by(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
                }
                case "RwLock3": {
                    RwLock3 l = new RwLock3(Futexes.defaultBackend());
                    return by(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
                }
                case "RwLockReadWrite": return by(new RwLockReadWrite(Futexes.defaultBackend()));
                case "ReentrantReadWriteLock": return by(new ReentrantReadWriteLock());
                case "PthreadRwLock": return new Pthread();
                default: throw new IllegalArgumentException("unknown lock " + name);
            }
        }

        static Guarded by(ReadWriteLock rw) {
            return by(rw.readLock()::lock, rw.readLock()::unlock, rw.writeLock()::lock, rw.writeLock()::unlock);
        }

        static Guarded by(Runnable readLock, Runnable readUnlock, Runnable writeLock, Runnable writeUnlock) {
            return new Guarded() {
                @Override
                long read() {
                    readLock.run();
                    try {
                        return a + b;
                    } finally {
                        readUnlock.run();
                    }
                }

                @Override
                long write() {
                    writeLock.run();
                    try {
                        b++;
                        return ++a;
                    } finally {
                        writeUnlock.run();
                    }
                }
            };
        }
    }

    /** glibc's rwlock, through the chapter 2 wrapper and its guard. */
    static final class Pthread extends Guarded {
        private final PthreadRwLock rw = new PthreadRwLock();

        @Override
        long read() {
            try (Held held = rw.readLock()) {
                return a + b;
            }
        }

        @Override
        long write() {
            try (Held held = rw.writeLock()) {
                b++;
                return ++a;
            }
        }

        @Override
        void close() {
            rw.close();
        }
    }
}
