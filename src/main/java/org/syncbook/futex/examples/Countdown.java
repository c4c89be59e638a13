package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * A countdown on one futex word: threads wait until {@link #countDown()} has been called
 * {@code count} times; the call that reaches zero wakes them all, and no other call wakes anyone.
 * Like {@link java.util.concurrent.CountDownLatch}, but the whole state is 32 bits that a futex can
 * sleep on.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>bits</th><th>meaning</th></tr>
 *   <tr><td>31 ({@code WAITERS})</td><td>some thread may be asleep: the {@code countDown} that reaches zero must wake</td></tr>
 *   <tr><td>0–30 ({@code COUNT})</td><td>how many {@code countDown}s are still missing; 0 means open, for good</td></tr>
 * </table>
 *
 * <p>A {@code countDown} that does not reach zero changes the word but wakes nobody. That is safe:
 * a sleeper stays asleep (the kernel compared the word only when it queued the thread), and a
 * thread just about to sleep finds the word changed, returns at once and looks again.
 */
public final class Countdown {
    static final int WAITERS = 0x8000_0000;
    static final int COUNT = 0x7fff_ffff;

    private final Futex word;

    /** A countdown from {@code count} on {@code word}; the word's old value is overwritten. */
    public Countdown(Futex word, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a countdown starts at 0 or more, not " + count);
        }
        this.word = word;
        word.set(count); // volatile: a thread that gets this countdown through a race still sees the count
    }

    /** A countdown from {@code count} on a fresh futex of {@code backend}. */
    public Countdown(int count, FutexBackend backend) {
        this(Futexes.create(0, backend), count);
    }

    // tag::countdown[]
    /** Counts one down; the call that reaches zero wakes every waiter. Does nothing once at zero. */
    public void countDown() {
        int state = word.get();
        while ((state & COUNT) != 0) {
            int seen = word.compareAndExchangeRelease(state, state - 1); // release: work before countDown() is visible at zero <1>
            if (seen == state) {
                if (state == (WAITERS | 1)) { // we reached zero, and someone may sleep <2>
                    word.wakeAll();
                }
                return;
            }
            state = seen; // another thread changed the word first: try again from what it holds
        }
    }

    /** Returns once the count is zero. */
    public void await() {
        while (true) {
            int state = word.getAcquire(); // acquire: pairs with the releases of countDown()
            if ((state & COUNT) == 0) {
                return;
            }
            if ((state & WAITERS) == 0 && !word.compareAndSet(state, state | WAITERS)) { // announce <3>
                continue;
            }
            word.await(state | WAITERS); // a countDown before we sleep changes the word: no sleep <4>
        }
    }
    // end::countdown[]

    /** The count still missing. */
    public int count() {
        return word.getAcquire() & COUNT;
    }

    /** The futex this countdown waits on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }

    @Override
    public String toString() {
        int state = word.get();
        return "Countdown[" + (state & COUNT) + ((state & WAITERS) != 0 ? ", waiters]" : "]");
    }
}
