package chapter06;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 6.4 — An upgradeable read lock.
 *
 * <p>Goal: a read lock that can become the write lock without letting go, so that what a thread
 * read (say, "the key is not in the map") is still true when it writes. Two readers that both try
 * to upgrade would each wait for the other to leave: a deadlock. So at most one thread holds the
 * <em>upgradeable</em> read lock at a time, alongside any number of plain readers. Chapter 6,
 * "Upgradeable reads", shows a state word with one bit for it.
 *
 * <p>Contract:
 * <ul>
 *   <li>Plain reads and writes as in exercise 6.3: readers share, a writer excludes everyone, a
 *       waiting writer stops new readers, no lost wake-ups, no spinning.</li>
 *   <li>{@link #upgradeableLock()} comes in beside plain readers, but waits while another thread
 *       holds the upgradeable lock, or a writer holds the lock or waits for it.
 *       {@link #upgradeableUnlock()} lets go without writing.</li>
 *   <li>{@link #upgrade()} turns the caller's upgradeable lock into the write lock: it stops new
 *       readers, waits for the readers inside to leave, and no writer gets in between. Release it
 *       with {@link #writeUnlock()}.</li>
 *   <li>{@code upgradeableUnlock()} or {@code upgrade()} by a thread that does not hold the
 *       upgradeable lock, and the unlocks of exercise 6.1, throw {@link IllegalMonitorStateException}.</li>
 *   <li>{@code state} holds all of the lock's state; readers, and threads waiting for the
 *       upgradeable lock, sleep on it. Writers sleep on {@code writerWake}, an upgrading thread on
 *       {@code upgradeWake}.</li>
 * </ul>
 */
public final class UpgradeableLock {
    private final Futex state;
    private final Futex writerWake;
    private final Futex upgradeWake;

    /** A lock on three distinct words; {@code state} holds 0. */
    public UpgradeableLock(Futex state, Futex writerWake, Futex upgradeWake) {
        this.state = state;
        this.writerWake = writerWake;
        this.upgradeWake = upgradeWake;
    }

    /** Takes a plain read lock. */
    public void readLock() {
        // TODO 6.4: as in 6.3, with room in the word for an "upgradeable" bit
        throw new NotDoneYet("6.4");
    }

    /** Releases a plain read lock; the last reader out wakes whoever waits for readers to leave. */
    public void readUnlock() {
        // TODO 6.4: an upgrading thread and a writer sleep on different words: wake the right one
        throw new NotDoneYet("6.4");
    }

    /** Takes the upgradeable read lock. */
    public void upgradeableLock() {
        // TODO 6.4: set the upgradeable bit, if it is clear and no writer holds or waits
        throw new NotDoneYet("6.4");
    }

    /** Releases the upgradeable read lock without upgrading. */
    public void upgradeableUnlock() {
        // TODO 6.4: a writer may be waiting for you, and another would-be upgrader may sleep on state
        throw new NotDoneYet("6.4");
    }

    /** Turns the caller's upgradeable read lock into the write lock, without letting go. */
    public void upgrade() {
        // TODO 6.4: stop new readers, then wait on upgradeWake until only you are left
        throw new NotDoneYet("6.4");
    }

    /** Takes the write lock. */
    public void writeLock() {
        // TODO 6.4: as in 6.3; an upgradeable holder keeps a writer out too
        throw new NotDoneYet("6.4");
    }

    /** Releases the write lock, taken by {@link #writeLock()} or {@link #upgrade()}. */
    public void writeUnlock() {
        // TODO 6.4
        throw new NotDoneYet("6.4");
    }
}
