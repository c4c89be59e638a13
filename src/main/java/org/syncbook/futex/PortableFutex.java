package org.syncbook.futex;

import static org.syncbook.sys.FutexCall.PI_TID_MASK;
import static org.syncbook.sys.FutexCall.PI_WAITERS;

import java.util.concurrent.TimeUnit;
import org.syncbook.mem.IntWord;

/**
 * {@link Futex} without the kernel: the same contract on any {@link IntWord} (on the heap too),
 * on any operating system, built on the {@link ParkingLot}. Used on macOS and Windows hosts, to
 * compare against the system call, and to model-check learners' locks on heap words.
 *
 * <p>Priority inheritance cannot be had from inside the JVM (threads' priorities are the operating
 * system's), so the PI operations here keep the protocol of the word (owner id, waiters bit,
 * hand-off on unlock) without boosting anyone.
 */
public final class PortableFutex extends DelegatingWord implements Futex {
    private final FutexCounters counters = new FutexCounters();
    /**
     * What the parking lot keys this futex by: the word itself (the word under a futex handed in as
     * a word), so that every handle on one word is one futex, as every handle on one address is for
     * the kernel. Off-heap words are equal when they are the same bytes of the same block.
     */
    private final IntWord key;

    PortableFutex(IntWord word) {
        super(word);
        IntWord inner = word;
        while (inner instanceof DelegatingWord) {
            inner = ((DelegatingWord) inner).word;
        }
        this.key = inner;
    }

    /** The parking lot's key for this futex. */
    Object key() {
        return key;
    }

    @Override
    public WaitResult await(int expected) {
        counters.countWait();
        try {
            return ParkingLot.park(key, word, expected, Timeouts.NEVER, false, 0);
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible wait threw InterruptedException", impossible);
        }
    }

    @Override
    public WaitResult await(int expected, long timeout, TimeUnit unit) {
        return awaitUntilMonotonic(expected, Timeouts.deadlineAfter(Timeouts.nanos(timeout, unit)));
    }

    @Override
    public WaitResult awaitUntil(int expected, long deadline, FutexClock clock) {
        Timeouts.checkDeadline(deadline);
        if (clock == FutexClock.REALTIME) {
            long remaining = deadline - System.currentTimeMillis() * 1_000_000L; // to a monotonic deadline, once
            return awaitUntilMonotonic(expected, Timeouts.deadlineAfter(Math.max(0, remaining)));
        }
        return awaitUntilMonotonic(expected, deadline);
    }

    private WaitResult awaitUntilMonotonic(int expected, long deadline) {
        counters.countWait();
        try {
            return ParkingLot.park(key, word, expected, deadline, false, 0);
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible wait threw InterruptedException", impossible);
        }
    }

    @Override
    public WaitResult awaitInterruptibly(int expected) throws InterruptedException {
        checkInterrupt();
        counters.countWait();
        return ParkingLot.park(key, word, expected, Timeouts.NEVER, true, 0);
    }

    @Override
    public WaitResult awaitInterruptibly(int expected, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = Timeouts.deadlineAfter(Timeouts.nanos(timeout, unit));
        checkInterrupt();
        counters.countWait();
        return ParkingLot.park(key, word, expected, deadline, true, 0);
    }

    /** An interrupt that came before the call is answered first, whatever the word holds, as on the Linux back end. */
    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on a futex");
        }
    }

    @Override
    public int wake(int count) {
        checkCount(count, "wake");
        if (count == 0) {
            return 0; // no call, as on the Linux back end
        }
        counters.countWake();
        return ParkingLot.wake(key, count);
    }

    @Override
    public int requeue(int wakeCount, Futex target, int requeueCount) {
        checkCount(wakeCount, "wake");
        checkCount(requeueCount, "requeue");
        PortableFutex to = sameKind(target); // a refused call is not counted
        counters.countRequeue();
        return ParkingLot.requeue(key, to.key, wakeCount, requeueCount, false, word, 0);
    }

    @Override
    public int cmpRequeue(int expected, int wakeCount, Futex target, int requeueCount) {
        checkCount(wakeCount, "wake");
        checkCount(requeueCount, "requeue");
        PortableFutex to = sameKind(target);
        counters.countRequeue();
        return ParkingLot.requeue(key, to.key, wakeCount, requeueCount, true, word, expected);
    }

    @Override
    public void lockPi() {
        lockPiUntil(Timeouts.NEVER);
    }

    @Override
    public boolean lockPi(long timeout, TimeUnit unit) {
        return lockPiUntil(Timeouts.deadlineAfter(Timeouts.nanos(timeout, unit)));
    }

    private boolean lockPiUntil(long deadline) {
        counters.countPi();
        int me = ownerId();
        while (true) {
            int v = word.get();
            int owner = v & PI_TID_MASK;
            if (owner == 0) {
                if (word.compareAndSet(v, me | (v & PI_WAITERS))) {
                    return true;
                }
                continue;
            }
            if (owner == me) {
                throw new IllegalMonitorStateException("lockPi: the calling thread already holds this PI futex");
            }
            int waiting = v | PI_WAITERS; // tell the owner to hand the lock over on unlock
            if (v != waiting && !word.compareAndSet(v, waiting)) {
                continue;
            }
            WaitResult r;
            try {
                r = ParkingLot.park(key, word, waiting, deadline, false, me);
            } catch (InterruptedException impossible) {
                throw new AssertionError(impossible);
            }
            if ((word.get() & PI_TID_MASK) == me) {
                return true; // the owner handed it to us
            }
            if (r == WaitResult.TIMED_OUT) {
                return false;
            }
        }
    }

    @Override
    public boolean tryLockPi() {
        counters.countPi();
        int me = ownerId();
        int v = word.get();
        if ((v & PI_TID_MASK) == me) {
            throw new IllegalMonitorStateException("tryLockPi: the calling thread already holds this PI futex");
        }
        return v == 0 && word.compareAndSet(0, me);
    }

    @Override
    public void unlockPi() {
        counters.countPi();
        int me = ownerId();
        int v = word.get();
        if ((v & PI_TID_MASK) != me) {
            throw new IllegalMonitorStateException("unlockPi: the calling thread does not hold this PI futex (word="
                    + Integer.toHexString(v) + ")");
        }
        if (v == me && word.compareAndSet(me, 0)) {
            return; // nobody waits
        }
        ParkingLot.handOff(key, word, PI_WAITERS);
    }

    @Override
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() exists only from JDK 19 on
    public int ownerId() {
        int id = (int) (Thread.currentThread().getId() & PI_TID_MASK);
        return id == 0 ? 1 : id;
    }

    @Override
    public FutexCounters counters() {
        return counters;
    }

    @Override
    public FutexBackend backend() {
        return FutexBackend.PORTABLE;
    }

    private static PortableFutex sameKind(Futex target) {
        if (!(target instanceof PortableFutex)) {
            throw new IllegalArgumentException("a requeue target must be a portable futex too, not " + target);
        }
        return (PortableFutex) target;
    }

    @Override
    public String toString() {
        return "PortableFutex[" + word + "]";
    }
}
