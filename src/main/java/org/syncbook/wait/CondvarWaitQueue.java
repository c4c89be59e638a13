package org.syncbook.wait;

import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * {@link WaitStrategy#CONDVAR}: one lock and {@link Condition} per key, made when the key's first
 * waiter comes and dropped when its last one leaves, so the map holds only keys someone waits on.
 * Portable (it needs only {@code java.util.concurrent}), and never a spurious wake for another key.
 *
 * <p>A waker looks the key up without a lock ({@link ConcurrentHashMap#get} does not lock): no
 * entry, nobody to wake. An entry it finds may be dropped under it; it then signals nobody, which
 * is right, since the waiter that left it had stopped waiting and any new one registered later.
 */
public final class CondvarWaitQueue<K> implements WaitQueue<K> {
    /** One key's waiters. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final Condition wakes = lock.newCondition();
        volatile long sequence; // advanced by every wake, under lock; volatile for the read at registration
        volatile int waiters;   // changed only inside the map's compute(), which locks the key's bin
    }

    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

    // tag::register[]
    /** Registers a waiter of {@code key}; puts the key's wake sequence, read just before, in {@code sequence[0]}. */
    private Entry register(K key, long[] sequence) {
        Entry e = entries.compute(key, (k, old) -> {
            Entry entry = old == null ? new Entry() : old;
            sequence[0] = entry.sequence; // before the count: a wake by anyone who saw the count advances it
            entry.waiters++;
            return entry;
        });
        VarHandle.fullFence(); // registered before the condition is looked at: the waiter's half of the handshake
        return e;
    }

    private void unregister(K key) {
        entries.computeIfPresent(key, (k, e) -> --e.waiters == 0 ? null : e); // the last one out drops it
    }
    // end::register[]

    @Override
    public WaitOutcome waitWhile(K key, long timeout, TimeUnit unit, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = Deadline.after(timeout, unit);
        if (!condition.getAsBoolean()) {
            return WaitOutcome.READY;
        }
        return sleepWhile(key, register(key, new long[1]), condition, deadline);
    }

    @Override
    public WaitOutcome wait(K key, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = Deadline.after(timeout, unit);
        long[] called = new long[1];
        Entry e = register(key, called);
        return sleepWhile(key, e, () -> e.sequence == called[0], deadline); // no wake since registration yet
    }

    /** Sleeps on {@code e} while {@code condition} holds, looking at it under the lock every waker takes before it signals; then unregisters. */
    private WaitOutcome sleepWhile(K key, Entry e, BooleanSupplier condition, long deadline) throws InterruptedException {
        e.lock.lock();
        try {
            while (condition.getAsBoolean()) { // Condition.await may return for no reason: look again
                long left = Deadline.left(deadline);
                if (left <= 0) {
                    return WaitOutcome.TIMED_OUT;
                }
                e.wakes.awaitNanos(left);
            }
            return WaitOutcome.READY;
        } finally {
            e.lock.unlock();
            unregister(key);
        }
    }

    // tag::wake[]
    @Override
    public void wakeOne(K key) {
        wake(key, false);
    }

    @Override
    public void wakeAll(K key) {
        wake(key, true);
    }

    private void wake(K key, boolean all) {
        VarHandle.fullFence(); // the waker's half: the caller's change is visible before we look for waiters
        Entry e = entries.get(key);
        if (e == null) {
            return; // the fast path: nobody waits, no lock taken
        }
        e.lock.lock();
        try {
            e.sequence++;
            if (all) {
                e.wakes.signalAll();
            } else {
                e.wakes.signal();
            }
        } finally {
            e.lock.unlock();
        }
    }
    // end::wake[]

    @Override
    public int waiterCount(K key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.waiters;
    }

    /** How many keys have an entry now: only keys with waiters should. */
    public int liveKeys() {
        return entries.size();
    }
}
