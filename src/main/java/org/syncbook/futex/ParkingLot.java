package org.syncbook.futex;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.syncbook.mem.IntWord;

/**
 * The portable back end's "kernel": a fixed table of buckets, each a lock and a list of sleeping
 * threads, the way the Linux kernel hashes futex addresses onto {@code futex_hash_bucket}s (and
 * WebKit's and Rust's parking lots do in user space). A futex is keyed by its word: the same object,
 * or for off-heap words the same bytes ({@link org.syncbook.mem.OffHeapIntWord#equals}), the way the
 * kernel keys a futex by its address.
 *
 * <p>The one guarantee that makes futexes work lives in {@link #park}: the value check and the
 * enqueue happen under the bucket's lock, and {@link #wake} takes the same lock. A waker that
 * changes the word before calling {@code wake} therefore either finds the sleeper queued or made
 * its change before the sleeper's check, which then fails.
 */
final class ParkingLot {
    private static final int BUCKETS = 256; // a power of two: indexing is a mask

    private static final Bucket[] TABLE = new Bucket[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            TABLE[i] = new Bucket();
        }
    }

    private ParkingLot() {
    }

    private static final class Bucket {
        final ReentrantLock lock = new ReentrantLock();
        final List<Waiter> waiters = new ArrayList<>();
    }

    /** A sleeping thread. {@code key} changes when it is requeued, always under the locks of both buckets. */
    static final class Waiter {
        final Thread thread = Thread.currentThread();
        final int ownerId;
        volatile Object key;
        volatile boolean woken;

        Waiter(Object key, int ownerId) {
            this.key = key;
            this.ownerId = ownerId;
        }
    }

    /** Whether two keys hash to the same bucket (for tests of that case). */
    static boolean sameBucket(Object key1, Object key2) {
        return bucketOf(key1) == bucketOf(key2);
    }

    private static Bucket bucketOf(Object key) {
        return TABLE[indexOf(key)];
    }

    private static int indexOf(Object key) {
        int h = key.hashCode(); // identity for heap words, block and offset for off-heap ones
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }

    /**
     * Sleeps on {@code key} if {@code word} holds {@code expected}, until woken, the deadline
     * ({@link Timeouts#NEVER} for none) passes, or, if {@code interruptible}, an interrupt comes.
     * An uninterruptible wait keeps sleeping through interrupts and sets the flag again on its way out.
     */
    static WaitResult park(Object key, IntWord word, int expected, long deadline, boolean interruptible, int ownerId)
            throws InterruptedException {
        // tag::park-check[]
        Waiter me = new Waiter(key, ownerId);
        Bucket bucket = bucketOf(key);
        bucket.lock.lock();
        try {
            if (word.get() != expected) {
                return WaitResult.VALUE_CHANGED;
            }
            bucket.waiters.add(me);
        } finally {
            bucket.lock.unlock();
        }
        // end::park-check[]

        boolean interrupted = false;
        try {
            while (!me.woken) {
                if (Thread.interrupted()) {
                    if (interruptible) {
                        if (remove(me)) {
                            throw new InterruptedException("interrupted while waiting on a futex");
                        }
                        interrupted = true; // woken at the same moment: take the wake, keep the interrupt
                        break;
                    }
                    interrupted = true; // remember it; park would return at once while the flag is set
                }
                if (deadline == Timeouts.NEVER) {
                    LockSupport.park(key);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        if (remove(me)) {
                            return WaitResult.TIMED_OUT;
                        }
                        break; // woken just in time
                    }
                    LockSupport.parkNanos(key, remaining);
                }
            }
            return WaitResult.WOKEN;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes {@code me} off its list if it is still there; {@code false} if a waker got to it first. */
    private static boolean remove(Waiter me) {
        while (true) {
            Object key = me.key;
            Bucket bucket = bucketOf(key);
            bucket.lock.lock();
            try {
                if (me.key != key) {
                    continue; // requeued meanwhile: look in the new bucket
                }
                return bucket.waiters.remove(me);
            } finally {
                bucket.lock.unlock();
            }
        }
    }

    // tag::wake[]
    /** Wakes at most {@code count} threads sleeping on {@code key}, oldest first; returns how many. */
    static int wake(Object key, int count) {
        List<Thread> toUnpark = new ArrayList<>();
        Bucket bucket = bucketOf(key);
        bucket.lock.lock();
        try {
            takeWaiters(bucket, key, count, toUnpark);
        } finally {
            bucket.lock.unlock();
        }
        toUnpark.forEach(LockSupport::unpark); // outside the lock: the woken thread need not wait for it
        return toUnpark.size();
    }
    // end::wake[]

    private static void takeWaiters(Bucket bucket, Object key, int count, List<Thread> toUnpark) {
        for (Iterator<Waiter> it = bucket.waiters.iterator(); it.hasNext() && toUnpark.size() < count; ) {
            Waiter w = it.next();
            if (key.equals(w.key)) {
                it.remove();
                w.woken = true; // volatile: the sleeper's loop sees it after unpark (or before it parks)
                toUnpark.add(w.thread);
            }
        }
    }

    /**
     * Wakes up to {@code wakeCount} sleepers on {@code from} and moves up to {@code requeueCount}
     * others to {@code to}. With {@code check}, only if {@code word} still holds {@code expected}.
     *
     * @return woken + moved, for both flavours, as the Linux kernel counts for {@code FUTEX_REQUEUE}
     *         and {@code FUTEX_CMP_REQUEUE} alike (futex(2) says "woken" for the first; the kernel
     *         returns woken + requeued), or {@link Futex#VALUE_CHANGED}
     */
    static int requeue(Object from, Object to, int wakeCount, int requeueCount, boolean check, IntWord word, int expected) {
        int ia = indexOf(from);
        int ib = indexOf(to);
        Bucket a = TABLE[ia];
        Bucket b = TABLE[ib];
        // Two buckets are always locked in the same order (by index in the table), so two requeues
        // cannot deadlock. (Not by identity hash: two buckets may share one, and then the order
        // would depend on which is the source.)
        Bucket first = ia <= ib ? a : b;
        Bucket second = first == a ? b : a;
        List<Thread> toUnpark = new ArrayList<>();
        int moved = 0;
        first.lock.lock();
        if (second != first) {
            second.lock.lock();
        }
        try {
            if (check && word.get() != expected) {
                return Futex.VALUE_CHANGED;
            }
            takeWaiters(a, from, wakeCount, toUnpark);
            // Collect first, move after: when both keys share a bucket (or are the same futex) the
            // list being walked is the list moved to. Then, as in the kernel, only the key changes.
            List<Waiter> movers = new ArrayList<>();
            for (Iterator<Waiter> it = a.waiters.iterator(); it.hasNext() && movers.size() < requeueCount; ) {
                Waiter w = it.next();
                if (from.equals(w.key)) {
                    if (a != b) {
                        it.remove();
                    }
                    movers.add(w);
                }
            }
            for (Waiter w : movers) {
                w.key = to;
                if (a != b) {
                    b.waiters.add(w);
                }
            }
            moved = movers.size();
        } finally {
            if (second != first) {
                second.lock.unlock();
            }
            first.lock.unlock();
        }
        toUnpark.forEach(LockSupport::unpark);
        return toUnpark.size() + moved;
    }

    /**
     * Hands a PI lock held by {@code ownerId} to the oldest waiter on {@code key}, under the bucket
     * lock so no waiter can queue itself in between: the word becomes the new owner's id, with
     * {@code waitersBit} if others still wait, or 0 when nobody waits.
     */
    static void handOff(Object key, IntWord word, int waitersBit) {
        Waiter next = null;
        boolean more = false;
        Bucket bucket = bucketOf(key);
        bucket.lock.lock();
        try {
            for (Iterator<Waiter> it = bucket.waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (key.equals(w.key)) {
                    if (next == null) {
                        next = w;
                        it.remove();
                    } else {
                        more = true;
                        break;
                    }
                }
            }
            // set under the lock: a thread about to queue re-checks the word under this same lock
            word.set(next == null ? 0 : next.ownerId | (more ? waitersBit : 0));
            if (next != null) {
                next.woken = true;
            }
        } finally {
            bucket.lock.unlock();
        }
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }
}
