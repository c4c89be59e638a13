package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.sys.Flag;

/**
 * Waits until a flag changes: the smallest correct use of a futex, and the example chapter 3
 * opens with. The whole state is the futex word itself:
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>down: waiters sleep on the word while it holds 0</td></tr>
 *   <tr><td>1</td><td>raised, for good</td></tr>
 * </table>
 *
 * <p>No wake-up can be lost, because the condition a waiter checks <em>is</em> the value the
 * futex compares: if {@link #raise()} stores 1 between a waiter's last look and its sleep, the
 * futex wait sees 1, not the expected 0, and returns at once. Every raise makes one wake call,
 * whether anybody sleeps or not; {@link OneShotEvent} removes that cost.
 */
public final class FutexFlag implements Flag {
    static final int DOWN = 0;
    static final int RAISED = 1;

    private final Futex word;

    /** A flag on {@code word}, which must hold 0 (down). */
    public FutexFlag(Futex word) {
        if (word.get() != DOWN) {
            throw new IllegalArgumentException("a new flag's word must hold 0 (down), not " + word.get());
        }
        this.word = word;
    }

    /** A flag on a fresh futex of {@code backend}. */
    public FutexFlag(FutexBackend backend) {
        this(Futexes.create(DOWN, backend));
    }

    // tag::flag[]
    @Override
    public void raise() {
        word.setRelease(RAISED); // release: a waiter that reads 1 sees what we wrote before <1>
        word.wakeAll();          // then wake every sleeper; the kernel orders this after the store <2>
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        while (word.getAcquire() == DOWN) { // acquire: pairs with raise()'s release <3>
            word.awaitInterruptibly(DOWN);  // sleeps only while the word still holds 0 <4>
        }
    }
    // end::flag[]

    /**
     * {@link #awaitRaised()} without interrupts: the plain futex wait, one system call per sleep,
     * which a thread asleep in it leaves only when woken (chapter 3, "Interrupts").
     */
    // tag::uninterruptible[]
    public void awaitRaisedUninterruptibly() {
        while (word.getAcquire() == DOWN) {
            word.await(DOWN); // returns WOKEN, VALUE_CHANGED or, by contract, for no reason: the loop re-checks
        }
    }
    // end::uninterruptible[]

    @Override
    public boolean isRaised() {
        return word.getAcquire() == RAISED; // acquire: what the raiser wrote before raising is visible after a true
    }

    /** The futex this flag waits on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }

    @Override
    public String toString() {
        return "FutexFlag[" + (isRaised() ? "raised" : "down") + ", " + word.backend() + "]";
    }
}
