package chapter06;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 6.3 — Readers wait for a waiting writer.
 *
 * <p>Goal: exercise 6.2's lock without writer starvation. In 6.1 and 6.2 a reader comes in
 * whenever no writer <em>holds</em> the lock, so readers whose holds overlap keep a writer out for
 * as long as they keep coming. Here a writer that has to wait says so in the state word, and new
 * readers then wait too: the readers inside drain, and the last one wakes the writer. Chapter 6,
 * "Writer starvation", shows the encoding (an odd state: a writer waits), and the case where a
 * writer finds its mark gone before it sleeps.
 *
 * <p>Contract:
 * <ul>
 *   <li>Everything exercise 6.2 asks; writers sleep on {@code writerWake}, readers on
 *       {@code state}.</li>
 *   <li>While a writer waits, a new {@link #readLock()} waits as well (it does not join the readers
 *       inside); the writer gets in before it. So a writer gets in even while readers keep coming.</li>
 *   <li>Uncontended, the lock makes no futex call at all: not in {@code writeUnlock()} either,
 *       when nobody sleeps. (Count the sleepers somewhere; it need not be a futex word.)</li>
 * </ul>
 */
public final class WriterFirstLock {
    private final Futex state;
    private final Futex writerWake;

    /** A lock on two distinct words; {@code state} holds 0. */
    public WriterFirstLock(Futex state, Futex writerWake) {
        this.state = state;
        this.writerWake = writerWake;
    }

    /** Takes a read lock: waits while a writer holds the lock or waits for it. */
    public void readLock() {
        // TODO 6.3: come in only while no writer holds or waits (choose an encoding that says both)
        throw new NotDoneYet("6.3");
    }

    /** Releases a read lock; the last reader out wakes a writer if one waits. */
    public void readUnlock() {
        // TODO 6.3
        throw new NotDoneYet("6.3");
    }

    /** Takes the write lock: marks that a writer waits, so no new reader comes in, then sleeps. */
    public void writeLock() {
        // TODO 6.3: mark, then sleep on writerWake only while the mark (or another writer) is still there
        throw new NotDoneYet("6.3");
    }

    /** Releases the write lock; wakes only if someone sleeps. */
    public void writeUnlock() {
        // TODO 6.3
        throw new NotDoneYet("6.3");
    }
}
