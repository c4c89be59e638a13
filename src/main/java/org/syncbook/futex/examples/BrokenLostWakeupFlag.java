package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.sys.Flag;

/**
 * BROKEN ON PURPOSE: a flag that loses wake-ups. Shown in chapter 3, "Lost wake-ups", next to
 * {@link FutexFlag}, which differs in one thing: where the condition lives.
 *
 * <table>
 *   <caption>The state</caption>
 *   <tr><th>where</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>field {@code raised}</td><td>false / true</td><td>down / raised</td></tr>
 *   <tr><td>futex word</td><td>always 0</td><td>only a place to sleep</td></tr>
 * </table>
 *
 * <p>The waiter checks the field, then sleeps on a word that never changes. If {@link #raise()}
 * runs between the check and the sleep, its wake finds nobody asleep, and the futex, comparing a
 * word that still holds 0, puts the waiter to sleep anyway: for ever, or until some later wake.
 * The window is a fraction of a microsecond; stress tests and {@link WindowFutex} find it.
 */
// tag::broken[]
public final class BrokenLostWakeupFlag implements Flag {
    private volatile boolean raised;
    private final Futex word; // holds 0 for ever

    public BrokenLostWakeupFlag(Futex word) {
        this.word = word;
    }

    @Override
    public void raise() {
        raised = true;
        word.wakeAll(); // wakes whoever is asleep *now*
    }

    @Override
    public void awaitRaised() {
        while (!raised) {   // check the field ...
            word.await(0);  // ... sleep on the word: BROKEN, a raise in between is lost
        }
    }
    // end::broken[]

    @Override
    public boolean isRaised() {
        return raised;
    }

    /** The futex this flag sleeps on. */
    public Futex word() {
        return word;
    }
}
