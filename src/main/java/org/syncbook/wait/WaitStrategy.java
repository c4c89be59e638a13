package org.syncbook.wait;

/** How a {@link WaitQueue} makes a thread wait. Which one wins depends on how long the waits last: chapter 7 measures it. */
public enum WaitStrategy {
    /** Keys hashed onto futex words: a sleeping waiter costs no CPU, a wake costs one system call. Linux. */
    FUTEX,
    /** A {@link java.util.concurrent.locks.Condition} per key, made when the first waiter comes and dropped when the last one leaves. Any OS. */
    CONDVAR,
    /** Spin on the condition for a bounded time and count, then sleep as {@link #FUTEX} (portable futex off Linux). */
    SPIN_WAIT,
    /** {@link #FUTEX} on Linux, {@link #CONDVAR} elsewhere. */
    AUTO
}
