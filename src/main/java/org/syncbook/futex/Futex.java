package org.syncbook.futex;

import java.util.concurrent.TimeUnit;
import org.syncbook.mem.IntWord;

/**
 * A 32-bit word that threads can sleep on: the building block of every lock in this workbook.
 *
 * <p>The contract, after {@code futex(2)}: {@link #await(int) await(expected)} sleeps only if the
 * word still holds {@code expected} at the moment the kernel (or the parking lot) queues the
 * thread, atomically with respect to {@link #wake(int) wake}. So a thread that changes the word
 * and then calls {@code wake} cannot slip between a waiter's last check and its sleep: the
 * waiter either sees the new value and returns {@link WaitResult#VALUE_CHANGED}, or is already
 * queued and gets woken. A wait may also end for no reason ({@link WaitResult#WOKEN} is allowed
 * to be spurious), so callers always wait in a loop that re-checks the word.
 *
 * <p>Two back ends: {@link Futexes#linux} makes the real system call on an off-heap word;
 * {@link Futexes#portable} does the same inside the JVM with a table of wait lists, on any word,
 * on any operating system. Both pass the same contract tests.
 *
 * <h2>Interrupts</h2>
 * A thread asleep in the kernel does not notice {@link Thread#interrupt()}. The plain waits
 * ({@code await}, {@code awaitUntil}) therefore ignore interrupts, as the kernel does, and leave
 * the interrupt flag as it was. The {@code awaitInterruptibly} waits check for an interrupt at
 * least every {@link Futexes#interruptCheckNanos()} (20 ms unless configured), sleeping in the
 * kernel in slices of that length, and throw {@link InterruptedException}.
 */
public interface Futex extends IntWord {
    /** Returned by {@link #cmpRequeue} when the word no longer held the expected value. */
    int VALUE_CHANGED = -1;

    // tag::core[]
    /** Sleeps while the word holds {@code expected}; ignores interrupts. */
    WaitResult await(int expected);

    /**
     * Sleeps while the word holds {@code expected}, for at most {@code timeout} (measured on the
     * monotonic clock). A timeout of 0 only checks the value; a negative one is rejected; one too
     * long to represent waits forever.
     */
    WaitResult await(int expected, long timeout, TimeUnit unit);

    /** Sleeps while the word holds {@code expected}, until the absolute {@code deadline} in nanoseconds on {@code clock}. */
    WaitResult awaitUntil(int expected, long deadline, FutexClock clock);

    /** {@link #await(int)}, but throws {@link InterruptedException} when the thread is interrupted. */
    WaitResult awaitInterruptibly(int expected) throws InterruptedException;

    /** {@link #await(int, long, TimeUnit)}, but throws {@link InterruptedException} when the thread is interrupted. */
    WaitResult awaitInterruptibly(int expected, long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Wakes at most {@code count} threads sleeping on this word; returns how many it woke.
     * {@code wake(0)} wakes nobody and makes no call (the kernel's {@code FUTEX_WAKE} with a count
     * of 0 would wake one).
     */
    int wake(int count);

    /** Wakes every thread sleeping on this word. */
    default int wakeAll() {
        return wake(Integer.MAX_VALUE);
    }
    // end::core[]

    /**
     * Wakes at most {@code wakeCount} sleepers and moves at most {@code requeueCount} others to
     * sleep on {@code target} instead, without waking them; returns how many it woke or moved
     * (what the Linux kernel returns; the futex(2) man page says "woken" only, the kernel does
     * not). {@code target} must be a futex of the same back end.
     */
    int requeue(int wakeCount, Futex target, int requeueCount);

    /**
     * {@link #requeue}, but only if the word still holds {@code expected}, checked atomically with
     * the requeue; returns how many it woke or moved, or {@link #VALUE_CHANGED}.
     */
    int cmpRequeue(int expected, int wakeCount, Futex target, int requeueCount);

    /**
     * Takes this word as a priority-inheritance lock ({@code FUTEX_LOCK_PI}): the word holds the
     * owner's {@link #ownerId()} while held, 0 while free. Blocks until acquired. A PI word is for
     * the PI calls only: on Linux, a plain {@code await}, {@code wake} or {@code requeue} on it
     * while threads use it the other way fails with {@link IllegalStateException} (the kernel's
     * {@code EINVAL}), as does a PI call on a word whose value names no live thread.
     *
     * @throws IllegalMonitorStateException if the calling thread holds it already
     */
    void lockPi();

    /** {@link #lockPi()} for at most {@code timeout}; {@code false} if it timed out. */
    boolean lockPi(long timeout, TimeUnit unit);

    /** Takes the PI lock if it is free; never blocks. */
    boolean tryLockPi();

    /**
     * Releases the PI lock and hands it to a waiter, if there is one.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold it
     */
    void unlockPi();

    /** The id this back end writes into a PI word for the calling thread (the kernel thread id on Linux). */
    int ownerId();

    /** How many calls this futex made into the kernel (or the parking lot). */
    FutexCounters counters();

    /** Which back end this futex uses. */
    FutexBackend backend();
}
