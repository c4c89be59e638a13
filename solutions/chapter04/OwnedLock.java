package chapter04;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 4.4 — A {@link Lock} with an owner.
 *
 * <p>Goal: exercise 4.2's mutex as a {@link java.util.concurrent.locks.Lock} that drops into real
 * code: it knows which thread holds it, and it can be acquired without blocking, with a timeout, or
 * interruptibly. Chapter 4, "A Lock with an owner" and "Interrupts and timeouts", explains each
 * part, and why a thread asleep in the kernel does not see {@link Thread#interrupt()}.
 *
 * <p>Contract (that of {@link Lock}, not reentrant):
 * <ul>
 *   <li>The word's states are those of exercise 4.2, and an uncontended lock and unlock, through
 *       any of the ways in, make no futex call.</li>
 *   <li>{@link #unlock()} by a thread that does not hold the lock throws
 *       {@link IllegalMonitorStateException} and changes nothing.</li>
 *   <li>{@link #tryLock()} never blocks. {@link #tryLock(long, TimeUnit)} waits at most the
 *       timeout and returns {@code false} if it could not take the lock; a timeout of zero or less
 *       only tries.</li>
 *   <li>{@link #lockInterruptibly()} and {@link #tryLock(long, TimeUnit)} throw
 *       {@link InterruptedException} if the thread is interrupted before or while they wait
 *       (use {@link Futex#awaitInterruptibly}), and then do not hold the lock. {@link #lock()}
 *       ignores interrupts.</li>
 *   <li>{@link #newCondition()} is chapter 5's: it throws {@link UnsupportedOperationException}.</li>
 * </ul>
 */
public final class OwnedLock implements Lock {
    private final Futex word;

    /** A lock on {@code word}, which holds 0 (unlocked). */
    public OwnedLock(Futex word) {
        this.word = word;
    }

    @Override
    public void lock() {
        // TODO 4.4: exercise 4.2's lock, then remember the owner (where, and in which order?)
        throw new NotDoneYet("4.4");
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        // TODO 4.4
        throw new NotDoneYet("4.4");
    }

    @Override
    public boolean tryLock() {
        // TODO 4.4
        throw new NotDoneYet("4.4");
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        // TODO 4.4: an absolute deadline, as in exercise 3.4; give up only when it has passed
        throw new NotDoneYet("4.4");
    }

    @Override
    public void unlock() {
        // TODO 4.4: check the owner first; clear it before the release
        throw new NotDoneYet("4.4");
    }

    /** True if the calling thread holds this lock. */
    public boolean isHeldByCurrentThread() {
        // TODO 4.4
        throw new NotDoneYet("4.4");
    }

    /** Not yet: condition variables on a futex are chapter 5. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("no conditions yet: chapter 5 builds them");
    }
}
