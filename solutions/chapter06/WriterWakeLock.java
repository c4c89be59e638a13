package chapter06;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 6.2 — A word of its own for writers.
 *
 * <p>Goal: exercise 6.1's lock, but a writer waiting for readers to leave sleeps on a second word,
 * {@code writerWake}, instead of on the reader count. On one word, a writer's sleep fails whenever
 * a reader came or went since the writer looked, and the last reader out wakes it even when a new
 * reader is back in before it runs: under heavy read traffic the writer loops through system calls.
 * Chapter 6, "A word of its own for writers", explains the counter and the order in which a writer
 * must read the two words so that no wake is lost.
 *
 * <p>Contract:
 * <ul>
 *   <li>Everything exercise 6.1 asks: readers share, a writer excludes everyone, no lost wake-ups,
 *       {@link IllegalMonitorStateException} on unlocking what you do not hold.</li>
 *   <li>{@code state} holds the reader count and the writer's marker, as in 6.1; readers sleep on
 *       it. {@code writerWake} is a counter that every wake meant for a writer bumps; writers sleep
 *       on it and nowhere else.</li>
 *   <li>A writer waiting behind readers is not woken while readers keep coming and going: only
 *       the last reader out, and a writer's unlock, wake a writer. (The grader holds one reader
 *       inside, lets thousands of others come and go, and counts the writer's wait calls and CPU
 *       time.)</li>
 * </ul>
 */
public final class WriterWakeLock {
    private final Futex state;
    private final Futex writerWake;

    /** A lock on two distinct words; {@code state} holds 0. */
    public WriterWakeLock(Futex state, Futex writerWake) {
        this.state = state;
        this.writerWake = writerWake;
    }

    /** Takes a read lock: waits while a writer holds the lock. */
    public void readLock() {
        // TODO 6.2: as in 6.1
        throw new NotDoneYet("6.2");
    }

    /** Releases a read lock; the last reader out wakes one writer. */
    public void readUnlock() {
        // TODO 6.2: as in 6.1, but the last reader bumps writerWake and wakes one writer sleeping on it
        throw new NotDoneYet("6.2");
    }

    /** Takes the write lock: sleeps on {@code writerWake} while the lock is held. */
    public void writeLock() {
        // TODO 6.2: read writerWake first, then state; sleep on the counter value you read only if the lock is still held
        throw new NotDoneYet("6.2");
    }

    /** Releases the write lock: wakes one writer and every reader. */
    public void writeUnlock() {
        // TODO 6.2
        throw new NotDoneYet("6.2");
    }
}
