package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.sys.Flag;

/**
 * BROKEN ON PURPOSE: a flag whose waiter believes every wake-up. Shown in chapter 3, "Spurious
 * wake-ups", next to {@link FutexFlag}, which differs in one word: {@code while} instead of
 * {@code if}.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>down</td></tr>
 *   <tr><td>1</td><td>raised</td></tr>
 * </table>
 *
 * <p>A futex wait may return although nobody changed the word: a wake meant for an earlier user of
 * the same word, a signal, a requeue. This waiter then returns from {@link #awaitRaised()} with
 * the flag still down.
 */
public final class BrokenNoLoopFlag implements Flag {
    private final Futex word;

    public BrokenNoLoopFlag(Futex word) {
        this.word = word;
    }

    @Override
    public void raise() {
        word.setRelease(1);
        word.wakeAll();
    }

    // tag::broken[]
    @Override
    public void awaitRaised() {
        if (word.getAcquire() == 0) { // BROKEN: `if` believes the wake-up; `while` would check again
            word.await(0);
        }
    }
    // end::broken[]

    @Override
    public boolean isRaised() {
        return word.getAcquire() == 1;
    }

    /** The futex this flag sleeps on. */
    public Futex word() {
        return word;
    }
}
