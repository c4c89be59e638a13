package chapter02;

import java.util.concurrent.TimeUnit;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 2.3 — A lock with a deadline.
 *
 * <p>Goal: {@link #tryLock(long, TimeUnit)}, which gives up when the timeout has passed. The pthread
 * functions do not take a timeout; they take an absolute deadline, a {@code struct timespec} on a
 * clock. Chapter 2, "Deadlines and clocks", explains why, and which clock to use.
 *
 * <p>Contract:
 * <ul>
 *   <li>The mutex lives off the heap as in exercise 2.1 (a NORMAL mutex is fine).</li>
 *   <li>{@link #tryLock(long, TimeUnit)} returns {@code true} as soon as it has the mutex, and
 *       {@code false} once the timeout has passed without getting it. Use
 *       {@link org.syncbook.sys.PthreadLib#pthread_mutex_clocklock} with {@code CLOCK_MONOTONIC}
 *       ({@link org.syncbook.sys.Clock#MONOTONIC}): the deadline is <em>now on that clock</em>
 *       ({@link org.syncbook.sys.Clocks#read}) plus the timeout, passed as a {@code long[2]}
 *       {seconds, nanoseconds}. The nanoseconds must stay below 1 000 000 000, or C answers
 *       {@code EINVAL} (but only when it has to wait).</li>
 *   <li>A timeout of 0 only tries once; a negative timeout throws {@link IllegalArgumentException}.</li>
 *   <li>Other errors throw an {@link org.syncbook.sys.ErrnoException} naming them.</li>
 *   <li>{@link #unlock()} and {@link #close()} as in exercise 2.1.</li>
 * </ul>
 */
public final class TimedMutex implements AutoCloseable {

    public TimedMutex() {
        // TODO 2.3: the off-heap mutex of exercise 2.1
        throw new NotDoneYet("2.3");
    }

    /** Takes the mutex if it can before {@code timeout} has passed. */
    public boolean tryLock(long timeout, TimeUnit unit) {
        // TODO 2.3: turn the timeout into an absolute deadline on CLOCK_MONOTONIC, then pthread_mutex_clocklock
        throw new NotDoneYet("2.3");
    }

    /** Unlocks the mutex. */
    public void unlock() {
        // TODO 2.3
        throw new NotDoneYet("2.3");
    }

    /** Destroys the mutex. */
    @Override
    public void close() {
        // TODO 2.3
        throw new NotDoneYet("2.3");
    }
}
