package chapter07;

import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 7.3 — No system call when nobody waits.
 *
 * <p>Goal: exercise 7.2's wait, but {@link #wakeAll()} makes no futex call while no thread waits:
 * a completion ring calls it for every completion, and most have no waiter. Chapter 7, "The fast
 * path", explains the handshake between the waiter's count and the waker's change.
 *
 * <p>Contract: as in 7.2, and
 * <ul>
 *   <li>{@link #waiters()} counts the threads inside {@code waitWhile} that found the condition true;
 *       it drops back on every way out (ready, timeout, interrupt).</li>
 *   <li>{@code wakeAll()} with {@code waiters() == 0} makes no futex call (the grader counts them).</li>
 *   <li>No wake is lost, even so: think about the order of "advance the sequence" and "read the
 *       count" in the waker, and of "count myself" and "sleep" in the waiter.</li>
 * </ul>
 */
public final class CountedWait {
    private final Futex word;

    public CountedWait(Futex word) {
        this.word = word;
    }

    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        // TODO 7.3
        throw new NotDoneYet("7.3");
    }

    public void wakeAll() {
        // TODO 7.3: a futex wake only when someone waits
        throw new NotDoneYet("7.3");
    }

    public int waiters() {
        // TODO 7.3
        throw new NotDoneYet("7.3");
    }
}
