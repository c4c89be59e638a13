package org.syncbook.wait;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futexes;

/**
 * Threads that wait for something named by a key ("sequence number 42 is complete", "the reply to
 * request 7 is in") and the threads that wake them. Keys are small values with {@code equals} and
 * {@code hashCode}: a {@code Long}, or a record for a composite key.
 *
 * <h2>The protocol: no wake-up is lost</h2>
 * A waker first changes the state its waiters look at, then calls {@link #wakeOne} or
 * {@link #wakeAll}. {@link #waitWhile} sleeps only while its condition holds, and a change made
 * between its last look at the condition and its sleep still wakes it: before it looks, it reads
 * the key's <em>wake sequence</em> (a futex word, or a counter under a lock), and it sleeps only
 * while that sequence is unchanged. Every wake advances the sequence, so a wake that arrives after
 * the look makes the sleep return at once. {@link #wait} is the same without a condition: it reads
 * the sequence when it is called and returns once it has moved.
 *
 * <h2>The fast path</h2>
 * A wake on a key nobody waits for takes no lock and makes no system call. For that, a waiter
 * registers before it can sleep, and a waker reads the registrations only after its change is
 * visible: on {@link FutexWaitQueue}, after it advanced the key's word, which the waiter's futex
 * sleep compares atomically with queueing it; on {@link CondvarWaitQueue}, after a full fence
 * that pairs with one between the waiter's registration and its look at the condition. Either
 * way, a waiter the waker did not see cannot sleep through the change.
 *
 * <h2>Interrupts and timeouts</h2>
 * Waits throw {@link InterruptedException} when the thread is interrupted, and report a timeout as
 * {@link WaitOutcome#TIMED_OUT}. A timeout of 0 only looks; a negative one is rejected.
 *
 * @param <K> the key type
 */
public interface WaitQueue<K> {
    // tag::api[]
    /** Waits for the next wake on {@code key}; may return {@link WaitOutcome#READY} spuriously. */
    WaitOutcome wait(K key, long timeout, TimeUnit unit) throws InterruptedException;

    /** Waits while {@code condition} is true; {@link WaitOutcome#READY} means it is false now. */
    WaitOutcome waitWhile(K key, long timeout, TimeUnit unit, BooleanSupplier condition)
            throws InterruptedException;

    /** Wakes at least one thread waiting on {@code key}, if there is one. Call it after the change. */
    void wakeOne(K key);

    /** Wakes every thread waiting on {@code key}. Call it after the change. */
    void wakeAll(K key);

    /** How many threads are registered as waiting on {@code key} (spinning waiters are not counted). */
    int waiterCount(K key);
    // end::api[]

    /** A queue that waits as {@code config} says. */
    static <K> WaitQueue<K> create(SyncConfig config) {
        switch (config.strategy()) {
            case FUTEX:
                return new FutexWaitQueue<>(Futexes.defaultBackend(), FutexWaitQueue.DEFAULT_SLOTS, null);
            case CONDVAR:
                return new CondvarWaitQueue<>();
            case SPIN_WAIT:
                return new FutexWaitQueue<>(Futexes.defaultBackend(), FutexWaitQueue.DEFAULT_SLOTS,
                        new SpinPhase(config.spin().toNanos(), config.maxSpins()));
            case AUTO:
                return create(config.withStrategy(AUTO_STRATEGY));
            default:
                throw new IllegalArgumentException("unknown strategy " + config.strategy());
        }
    }

    /** What {@link WaitStrategy#AUTO} means on this machine. */
    WaitStrategy AUTO_STRATEGY = System.getProperty("os.name").startsWith("Linux") ? WaitStrategy.FUTEX : WaitStrategy.CONDVAR;
}
