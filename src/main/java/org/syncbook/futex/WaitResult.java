package org.syncbook.futex;

/** How a futex wait ended. Whatever it says, a caller re-checks the word: that is the futex contract. */
public enum WaitResult {
    /** Woken by a {@code wake}, or spuriously (a signal, a requeue, a stale wake meant for someone else). */
    WOKEN,
    /** Did not sleep: the word no longer held the expected value ({@code EAGAIN}). */
    VALUE_CHANGED,
    /** The timeout or deadline passed ({@code ETIMEDOUT}). */
    TIMED_OUT
}
