package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * A one-shot event (a latch of one): threads wait until some thread sets it, once and for all.
 * Unlike {@link FutexFlag}, setting it makes no system call when nobody waits, because a waiter
 * says so in the word before it sleeps.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0 ({@code UNSET})</td><td>not set, and nobody has asked to sleep: {@link #set()} need not wake anyone</td></tr>
 *   <tr><td>1 ({@code WAITING})</td><td>not set, and some thread may be asleep on the word: {@link #set()} must wake</td></tr>
 *   <tr><td>2 ({@code SET})</td><td>set, for good</td></tr>
 * </table>
 *
 * <p>Transitions: a waiter moves 0 to 1 (compare-and-set) before it sleeps on 1; {@link #set()}
 * swaps in 2 and wakes only if it swapped out a 1. Nothing ever goes back to 0 or 1.
 */
public final class OneShotEvent {
    static final int UNSET = 0;
    static final int WAITING = 1;
    static final int SET = 2;

    private final Futex word;

    /** An event on {@code word}, which must hold 0. */
    public OneShotEvent(Futex word) {
        if (word.get() != UNSET) {
            throw new IllegalArgumentException("a new event's word must hold 0 (unset), not " + word.get());
        }
        this.word = word;
    }

    /** An event on a fresh futex of {@code backend}. */
    public OneShotEvent(FutexBackend backend) {
        this(Futexes.create(UNSET, backend));
    }

    // tag::event[]
    /** Sets the event and lets every waiter go; makes no system call if nobody waits. */
    public void set() {
        int before = word.getAndSetRelease(SET); // release: a waiter that reads 2 sees what we wrote before <1>
        if (before == WAITING) {                 // someone announced a sleep: wake them all <2>
            word.wakeAll();
        }
    }

    /** Returns once the event is set (at once if it is). */
    public void await() {
        while (true) {
            int state = word.getAcquire(); // acquire: pairs with set()'s release
            if (state == SET) {
                return;
            }
            if (state == UNSET && !word.compareAndSet(UNSET, WAITING)) { // announce before sleeping <3>
                continue; // the word changed under us (set, or another waiter announced): look again
            }
            word.await(WAITING); // sleeps only while the word still says WAITING <4>
        }
    }
    // end::event[]

    /** Whether the event has been set. */
    public boolean isSet() {
        return word.getAcquire() == SET; // acquire: what the setter wrote before set() is visible after a true
    }

    /** The futex this event waits on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }

    @Override
    public String toString() {
        return "OneShotEvent[" + new String[] {"unset", "unset, waiters", "set"}[word.get()] + "]";
    }
}
