package chapter07;

import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 7.2 — Wait while a condition holds.
 *
 * <p>Goal: {@code waitWhile} on one futex word, for a condition that is not the word itself (a
 * counter, a map entry, anything). Chapter 7, "The protocol", explains which of the two things to
 * read first.
 *
 * <p>Contract:
 * <ul>
 *   <li>The word you are given is a wake sequence: {@link #wakeAll()} adds one to it and wakes every
 *       thread asleep on it. Wakers call it after they changed what waiters look at.</li>
 *   <li>{@link #waitWhile} returns {@code true} once {@code waiting} returns {@code false} (at once,
 *       with no futex call, if it already does), {@code false} once the timeout passed.</li>
 *   <li>No wake is lost: a change and {@code wakeAll()} that come after your last look at the
 *       condition but before your sleep must still end the wait.</li>
 *   <li>A wake that did not make the condition false (someone else's, or a spurious one) does not
 *       end the wait; and while the condition holds, the waiter sleeps, burning no CPU.</li>
 * </ul>
 */
public final class ConditionWait {
    private final Futex word;

    public ConditionWait(Futex word) {
        this.word = word;
    }

    /** Waits while {@code waiting} is true: {@code true} once it is false, {@code false} on timeout. */
    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        // TODO 7.2: in a loop, read the sequence, then look at the condition, then sleep expecting what you read
        throw new NotDoneYet("7.2");
    }

    /** Advances the sequence and wakes every sleeper. */
    public void wakeAll() {
        // TODO 7.2
        throw new NotDoneYet("7.2");
    }
}
