package org.syncbook.futex;

import static org.syncbook.sys.FutexCall.BITSET_MATCH_ANY;
import static org.syncbook.sys.FutexCall.CLOCK_REALTIME;
import static org.syncbook.sys.FutexCall.CMP_REQUEUE;
import static org.syncbook.sys.FutexCall.LOCK_PI;
import static org.syncbook.sys.FutexCall.PRIVATE;
import static org.syncbook.sys.FutexCall.REQUEUE;
import static org.syncbook.sys.FutexCall.TRYLOCK_PI;
import static org.syncbook.sys.FutexCall.UNLOCK_PI;
import static org.syncbook.sys.FutexCall.WAIT;
import static org.syncbook.sys.FutexCall.WAIT_BITSET;
import static org.syncbook.sys.FutexCall.WAKE;

import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import org.syncbook.mem.OffHeapIntWord;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Clocks;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;
import org.syncbook.sys.FutexCall;

/**
 * {@link Futex} on the real {@code futex(2)} system call. The word lives off-heap, so its address
 * is stable for as long as this object is reachable; every call keeps the word reachable until
 * the kernel has returned ({@link Reference#reachabilityFence}), so the memory cannot be released
 * under a sleeping thread.
 *
 * <p>A {@code LinuxFutex} is itself an {@link OffHeapIntWord}, a second handle on its word's
 * bytes, with the word's own atomic operations: a lock on this futex then reaches the bytes as
 * directly as the word does, with no word object to load first (see {@link OffHeapIntWord}).
 *
 * <p>Private futexes (the default) are keyed by address within this process, which spares the
 * kernel a page-table lookup; shared ones work across processes on shared memory (chapter 10).
 */
public final class LinuxFutex extends OffHeapIntWord implements Futex {
    private static final int EAGAIN = Errno.EAGAIN.code();
    private static final int EINTR = Errno.EINTR.code();
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.code();
    /**
     * With the arguments checked here, the kernel answers EINVAL for one thing only: the word is
     * used as a PI lock and as a plain futex at once (a plain wake or requeue while threads wait
     * in lockPi, a PI call while threads sleep in await, a PI word written by hand).
     */
    private static final int EINVAL = Errno.EINVAL.code();

    private final int privacy;
    private final FutexCounters counters = new FutexCounters();

    /** A futex on the four bytes of {@code word}: a handle of its own on them, whose atomic operations are the word's. */
    LinuxFutex(OffHeapIntWord word, boolean shared) {
        super(word);
        this.privacy = shared ? 0 : PRIVATE;
    }

    // tag::await[]
    @Override
    public WaitResult await(int expected) {
        long address = address(); // throws if the block was closed: before the call is counted or made
        counters.countWait();
        long r = FutexCall.call(address, WAIT | privacy, expected, 0, 0, 0); // no timeout: NULL
        Reference.reachabilityFence(this);
        return r == -EINTR ? WaitResult.WOKEN : result(r, "FUTEX_WAIT", expected); // a signal: a spurious wake-up
    }
    // end::await[]

    @Override
    public WaitResult await(int expected, long timeout, TimeUnit unit) {
        long deadline = Timeouts.deadlineAfter(Timeouts.nanos(timeout, unit));
        return deadline == Timeouts.NEVER ? await(expected) : awaitUntil(expected, deadline, FutexClock.MONOTONIC);
    }

    @Override
    public WaitResult awaitUntil(int expected, long deadline, FutexClock clock) {
        Timeouts.checkDeadline(deadline);
        while (true) {
            long r = waitBitset(expected, deadline, clock);
            if (r != -EINTR) { // a signal handler ran: wait again, for the same deadline
                return result(r, "FUTEX_WAIT_BITSET", expected);
            }
        }
    }

    @Override
    public WaitResult awaitInterruptibly(int expected) throws InterruptedException {
        return awaitInSlices(expected, Timeouts.NEVER);
    }

    @Override
    public WaitResult awaitInterruptibly(int expected, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitInSlices(expected, Timeouts.deadlineAfter(Timeouts.nanos(timeout, unit)));
    }

    // tag::slices[]
    /** Sleeps in the kernel for at most one interrupt-check slice at a time, checking for an interrupt in between. */
    private WaitResult awaitInSlices(int expected, long deadline) throws InterruptedException {
        long slice = Futexes.interruptCheckNanos();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting on a futex");
            }
            long now = System.nanoTime();
            boolean lastSlice = deadline != Timeouts.NEVER && deadline - now <= slice;
            long r = waitBitset(expected, lastSlice ? deadline : now + slice, FutexClock.MONOTONIC);
            if (r == -EINTR || (r == -ETIMEDOUT && !lastSlice)) {
                continue; // a signal, or only the slice ran out: check for an interrupt, then sleep again
            }
            return result(r, "FUTEX_WAIT_BITSET", expected);
        }
    }
    // end::slices[]

    private long waitBitset(int expected, long deadline, FutexClock clock) {
        int op = WAIT_BITSET | privacy | (clock == FutexClock.REALTIME ? CLOCK_REALTIME : 0);
        long address = address();
        long timespec = Timespec.of(deadline);
        counters.countWait();
        long r = FutexCall.call(address, op, expected, timespec, 0, BITSET_MATCH_ANY);
        Reference.reachabilityFence(this);
        return r;
    }

    // tag::wake[]
    @Override
    public int wake(int count) {
        DelegatingWord.checkCount(count, "wake");
        long address = address();
        if (count == 0) {
            return 0; // FUTEX_WAKE with 0 wakes one sleeper (the kernel counts after waking): make no call
        }
        counters.countWake();
        long r = FutexCall.call(address, WAKE | privacy, count, 0, 0, 0);
        Reference.reachabilityFence(this);
        return (int) check(r, "FUTEX_WAKE", count);
    }
    // end::wake[]

    @Override
    public int requeue(int wakeCount, Futex target, int requeueCount) {
        DelegatingWord.checkCount(wakeCount, "wake");
        DelegatingWord.checkCount(requeueCount, "requeue");
        long from = address();
        long to = sameKind(target).address();
        counters.countRequeue();
        long r = FutexCall.call(from, REQUEUE | privacy, wakeCount, requeueCount, to, 0);
        Reference.reachabilityFence(this);
        Reference.reachabilityFence(target);
        return (int) check(r, "FUTEX_REQUEUE", wakeCount);
    }

    @Override
    public int cmpRequeue(int expected, int wakeCount, Futex target, int requeueCount) {
        DelegatingWord.checkCount(wakeCount, "wake");
        DelegatingWord.checkCount(requeueCount, "requeue");
        long from = address();
        long to = sameKind(target).address();
        counters.countRequeue();
        long r = FutexCall.call(from, CMP_REQUEUE | privacy, wakeCount, requeueCount, to, expected);
        Reference.reachabilityFence(this);
        Reference.reachabilityFence(target);
        return r == -EAGAIN ? VALUE_CHANGED : (int) check(r, "FUTEX_CMP_REQUEUE", expected);
    }

    @Override
    public void lockPi() {
        lockPiWith(0); // no timespec: wait as long as it takes
    }

    @Override
    public boolean lockPi(long timeout, TimeUnit unit) {
        long nanos = Timeouts.nanos(timeout, unit);
        long now = Clocks.read(Clock.REALTIME); // FUTEX_LOCK_PI measures its absolute timeout on CLOCK_REALTIME
        boolean forever = now + nanos < now;    // a deadline past the end of time: no timeout at all
        return lockPiWith(forever ? 0 : Timespec.of(now + nanos));
    }

    /** {@code FUTEX_LOCK_PI} with the timespec at {@code timespec} (0 for none), again after a signal. */
    private boolean lockPiWith(long timespec) {
        while (true) {
            long r = piCall(LOCK_PI, timespec);
            if (r == 0) {
                return true;
            }
            if (r == -ETIMEDOUT) {
                return false;
            }
            if (r != -EINTR) {
                throwPi(r, "FUTEX_LOCK_PI");
            }
        }
    }

    @Override
    public boolean tryLockPi() {
        long r = piCall(TRYLOCK_PI, 0);
        if (r == 0) {
            return true;
        }
        if (r == -EAGAIN || r == -Errno.EBUSY.code()) {
            return false;
        }
        throwPi(r, "FUTEX_TRYLOCK_PI");
        return false;
    }

    @Override
    public void unlockPi() {
        long r = piCall(UNLOCK_PI, 0);
        if (r != 0) {
            throwPi(r, "FUTEX_UNLOCK_PI");
        }
    }

    private long piCall(int op, long timespec) {
        long address = address();
        counters.countPi();
        long r = FutexCall.call(address, op | privacy, 0, timespec, 0, 0);
        Reference.reachabilityFence(this);
        return r;
    }

    private void throwPi(long r, String op) {
        if (r == -EINVAL) {
            throw mixedUse(op);
        }
        if (r == -Errno.EDEADLK.code()) {
            throw new IllegalMonitorStateException(op + ": the calling thread already holds this PI futex");
        }
        if (r == -Errno.EPERM.code() && op.equals("FUTEX_UNLOCK_PI")) {
            throw new IllegalMonitorStateException(op + ": the calling thread does not hold this PI futex");
        }
        if (r == -Errno.EPERM.code() || r == -Errno.ESRCH.code()) {
            throw new IllegalStateException(op + ": the word holds 0x" + Integer.toHexString(get())
                    + ", which names no live thread of this process: only lockPi/unlockPi may write a PI word");
        }
        throw new ErrnoException(op + "(word=" + get() + ")", (int) -r);
    }

    @Override
    public int ownerId() {
        return ThreadIds.current();
    }

    @Override
    public FutexCounters counters() {
        return counters;
    }

    @Override
    public FutexBackend backend() {
        return FutexBackend.LINUX;
    }

    private LinuxFutex sameKind(Futex target) {
        if (!(target instanceof LinuxFutex) || ((LinuxFutex) target).privacy != privacy) {
            throw new IllegalArgumentException("a requeue target must be a " + (privacy == 0 ? "shared" : "private")
                    + " Linux futex too, not " + target);
        }
        return (LinuxFutex) target;
    }

    private static WaitResult result(long r, String op, int expected) {
        if (r >= 0) {
            return WaitResult.WOKEN;
        }
        if (r == -EAGAIN) {
            return WaitResult.VALUE_CHANGED;
        }
        if (r == -ETIMEDOUT) {
            return WaitResult.TIMED_OUT;
        }
        throw new ErrnoException(op + "(expected=" + expected + ")", (int) -r);
    }

    private static IllegalStateException mixedUse(String op) {
        return new IllegalStateException(op + ": the kernel says EINVAL: this word is in use as a PI lock and as a plain"
                + " futex at once. A PI word is only for lockPi/tryLockPi/unlockPi; await, wake and requeue are for other words");
    }

    private static long check(long r, String op, int arg) {
        if (r == -EINVAL) {
            throw mixedUse(op);
        }
        if (r < 0) {
            throw new ErrnoException(op + "(" + arg + ")", (int) -r);
        }
        return r;
    }

    /** A futex is its own object (its counters are its own): equal only to itself, unlike two words on the same bytes. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        String value;
        try {
            value = String.valueOf(get());
        } catch (IllegalStateException closed) { // the read checks, so a close racing with this is no error
            value = "closed";
        }
        return "LinuxFutex[" + value + (privacy == 0 ? ", shared]" : "]");
    }
}
