package org.syncbook.bench;

import java.util.concurrent.locks.Lock;

/**
 * A lock and the counter it guards: what the mutex benchmarks of chapters 2 and 4 time, one
 * lock, increment, unlock per operation. Each JMH fork runs a single {@code @Param} value, so only
 * one implementation of {@link #increment()} (and one lambda per call site) is ever loaded in a
 * fork: the calls stay monomorphic and inline, as a hand-written loop would.
 */
abstract class Subject {
    long counter; // guarded by the subject's lock

    /** Takes the lock, increments the counter, releases the lock; returns the new count. */
    abstract long increment();

    /** Frees what the lock holds outside the Java heap; nothing by default. */
    void close() {
    }

    /** {@code lock(); try { ++counter } finally { unlock(); }} with the given two actions. */
    static Subject lockedBy(Runnable lock, Runnable unlock) {
        return new Subject() {
            @Override
            long increment() {
                lock.run();
                try {
                    return ++counter;
                } finally {
                    unlock.run();
                }
            }
        };
    }

    /** Guarded by a {@link Lock}, e.g. {@link java.util.concurrent.locks.ReentrantLock}. */
    static Subject lockedBy(Lock lock) {
        return lockedBy(lock::lock, lock::unlock);
    }

    /** {@code synchronized (monitor) { ++counter }}. */
    static Subject synchronizedOnAMonitor() {
        Object monitor = new Object();
        return new Subject() {
            @Override
            long increment() {
                synchronized (monitor) {
                    return ++counter;
                }
            }
        };
    }
}
