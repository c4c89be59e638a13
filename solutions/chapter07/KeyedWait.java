package chapter07;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 7.1 — A keyed wait on futex words.
 *
 * <p>Goal: let threads wait for any number of keys (here {@code long}s) with a fixed table of futex
 * words, without losing a wake. Chapter 7, "Keys on futex words", explains the wake sequence and
 * why two keys may share a word.
 *
 * <p>Contract:
 * <ul>
 *   <li>Each key uses one of the words you are given ({@link #wordOf}); their number is a power of
 *       two. Spread the keys: 0, 1, 2, ... 15 on 16 words must use at least 8 different words.</li>
 *   <li>A word is the wake sequence of its keys: {@link #wakeAll(long)} adds one to it, then wakes
 *       every thread asleep on it.</li>
 *   <li>{@link #sequence(long)} returns the key's sequence now; a caller reads it, then looks at the
 *       state it waits for, then calls {@link #await(long, int, long)} with what it read.</li>
 *   <li>{@code await} sleeps while the key's sequence is still {@code seen}: it returns {@code true}
 *       as soon as the sequence moved (at once if it already has: that is how a wake between the
 *       read and the sleep is not lost), {@code false} once the timeout passed. A futex wait that
 *       returns while the sequence has not moved means nothing: sleep again, for what is left.</li>
 * </ul>
 */
public final class KeyedWait {
    private final Futex[] words;

    public KeyedWait(Futex[] words) {
        this.words = words.clone();
    }

    /** Which word (an index into the table) {@code key} uses. */
    public int wordOf(long key) {
        // TODO 7.1: a hash that spreads consecutive keys over the table
        throw new NotDoneYet("7.1");
    }

    /** The key's wake sequence now. */
    public int sequence(long key) {
        // TODO 7.1
        throw new NotDoneYet("7.1");
    }

    /** Sleeps while the key's sequence is {@code seen}: {@code true} once it moved, {@code false} on timeout. */
    public boolean await(long key, int seen, long timeoutMillis) throws InterruptedException {
        // TODO 7.1: loop; sleep on the key's word expecting seen, for what is left of the timeout
        throw new NotDoneYet("7.1");
    }

    /** Advances the key's sequence, then wakes every sleeper on its word. */
    public void wakeAll(long key) {
        // TODO 7.1
        throw new NotDoneYet("7.1");
    }
}
