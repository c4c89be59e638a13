package org.syncbook.grading;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.FutexClock;
import org.syncbook.futex.FutexCounters;
import org.syncbook.futex.WaitResult;
import org.syncbook.mem.HeapIntWord;

/**
 * A futex for the model checker ({@link ModelCheck}): the portable back end's contract on a heap
 * word, but with the wait list inside this object, guarded by a Java monitor, instead of in the
 * parking lot's static table. Under Lincheck 3.7 the parking lot (static buckets, each a
 * {@code ReentrantLock} and an {@code ArrayList}, shared by every run) made correct locks fail:
 * {@code Mutex2} reported as hung, an {@code IllegalMonitorStateException} from a bucket lock, a
 * list whose size and contents disagreed. Here everything a run touches is created by that run,
 * and the check-then-sleep is guarded by a monitor, which Lincheck models directly.
 *
 * <p>Requeues move sleepers between futexes that share one monitor: make the target with
 * {@link #ModelCheckFutex(int, ModelCheckFutex)}, e.g. a condition's counter sharing the mutex
 * word's. One monitor for both lists makes the move atomic, as the kernel's two bucket locks do,
 * with no lock order to get wrong.
 *
 * <p>Waits, wakes and requeues only: PI calls throw {@link UnsupportedOperationException}, and
 * {@link #counters()} counts nothing (the model checker judges interleavings; the graders count
 * calls on the real back ends). A timed wait never times out here: the model checker has no clock,
 * and a sleep that only its timeout would end shows up as a hang, which is what a lost wake-up
 * looks like to it.
 */
public final class ModelCheckFutex implements Futex {
    /** One sleeping thread; both fields change under the monitor, by a wake or a requeue. */
    private static final class Sleeper {
        boolean woken;
        ModelCheckFutex on; // whose list it is in: a requeue moves it

        Sleeper(ModelCheckFutex on) {
            this.on = on;
        }
    }

    private final HeapIntWord word;
    private final Object monitor; // guards the wait lists of every futex that shares it
    private final ArrayDeque<Sleeper> sleepers = new ArrayDeque<>();
    private final FutexCounters noCounts = new FutexCounters();

    /** A futex on a fresh heap word holding {@code initial}, with a monitor of its own. */
    public ModelCheckFutex(int initial) {
        word = new HeapIntWord(initial);
        monitor = new Object();
    }

    /** A futex on a fresh heap word holding {@code initial} that shares {@code other}'s monitor, so either may requeue onto the other. */
    public ModelCheckFutex(int initial, ModelCheckFutex other) {
        word = new HeapIntWord(initial);
        monitor = other.monitor;
    }

    @Override public int get() { return word.get(); }
    @Override public int getPlain() { return word.getPlain(); }
    @Override public int getOpaque() { return word.getOpaque(); }
    @Override public int getAcquire() { return word.getAcquire(); }
    @Override public void set(int v) { word.set(v); }
    @Override public void setPlain(int v) { word.setPlain(v); }
    @Override public void setOpaque(int v) { word.setOpaque(v); }
    @Override public void setRelease(int v) { word.setRelease(v); }
    @Override public boolean compareAndSet(int e, int v) { return word.compareAndSet(e, v); }
    @Override public int compareAndExchange(int e, int v) { return word.compareAndExchange(e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return word.compareAndExchangeAcquire(e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return word.compareAndExchangeRelease(e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return word.weakCompareAndSetAcquire(e, v); }
    @Override public int getAndSet(int v) { return word.getAndSet(v); }
    @Override public int getAndSetRelease(int v) { return word.getAndSetRelease(v); }
    @Override public int getAndAdd(int d) { return word.getAndAdd(d); }
    @Override public int getAndAddRelease(int d) { return word.getAndAddRelease(d); }

    @Override
    public WaitResult await(int expected) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return awaitInterruptibly(expected);
                } catch (InterruptedException e) {
                    interrupted = true; // a plain wait sleeps on, as the kernel does, and keeps the flag
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public WaitResult awaitInterruptibly(int expected) throws InterruptedException {
        synchronized (monitor) {
            // the check and the enqueue under the monitor that wake() takes: the futex guarantee
            if (word.get() != expected) {
                return WaitResult.VALUE_CHANGED;
            }
            Sleeper me = new Sleeper(this);
            sleepers.addLast(me);
            while (!me.woken) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    if (me.on.sleepers.remove(me)) { // on: a requeue may have moved it
                        throw e;
                    }
                    Thread.currentThread().interrupt(); // woken at the same moment: take the wake, keep the interrupt
                }
            }
            return WaitResult.WOKEN;
        }
    }

    @Override
    public int wake(int count) {
        checkCount(count, "wake");
        synchronized (monitor) {
            return wakeLocked(count);
        }
    }

    private int wakeLocked(int count) {
        int woken = 0;
        for (; woken < count && !sleepers.isEmpty(); woken++) {
            sleepers.removeFirst().woken = true; // oldest first, as the parking lot does
        }
        if (woken > 0) {
            monitor.notifyAll(); // every sleeper looks at its own flag
        }
        return woken;
    }

    @Override
    public int requeue(int wakeCount, Futex target, int requeueCount) {
        ModelCheckFutex to = sharing(target, wakeCount, requeueCount);
        synchronized (monitor) {
            return wakeLocked(wakeCount) + moveLocked(to, requeueCount);
        }
    }

    @Override
    public int cmpRequeue(int expected, int wakeCount, Futex target, int requeueCount) {
        ModelCheckFutex to = sharing(target, wakeCount, requeueCount);
        synchronized (monitor) {
            if (word.get() != expected) { // checked under the monitor every wait takes, as the kernel does
                return VALUE_CHANGED;
            }
            return wakeLocked(wakeCount) + moveLocked(to, requeueCount);
        }
    }

    /** Moves up to {@code count} of the oldest sleepers, still asleep, to the end of {@code to}'s list. */
    private int moveLocked(ModelCheckFutex to, int count) {
        if (to == this) {
            return Math.min(count, sleepers.size()); // moved onto the same word: they stay where they are
        }
        int moved = 0;
        for (; moved < count && !sleepers.isEmpty(); moved++) {
            Sleeper s = sleepers.removeFirst();
            s.on = to;
            to.sleepers.addLast(s);
        }
        return moved;
    }

    private ModelCheckFutex sharing(Futex target, int wakeCount, int requeueCount) {
        checkCount(wakeCount, "wake");
        checkCount(requeueCount, "requeue");
        if (target instanceof ModelCheckFutex to && to.monitor == monitor) {
            return to;
        }
        throw new IllegalArgumentException("a requeue target must share this futex's monitor: make it with"
                + " new ModelCheckFutex(initial, thisFutex), not " + target);
    }

    private static void checkCount(int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot " + what + " a negative number of threads: " + count);
        }
    }

    @Override
    public WaitResult await(int expected, long timeout, TimeUnit unit) {
        return await(expected); // never times out: see the class comment
    }

    @Override
    public WaitResult awaitUntil(int expected, long deadline, FutexClock clock) {
        return await(expected);
    }

    @Override
    public WaitResult awaitInterruptibly(int expected, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitInterruptibly(expected);
    }

    @Override
    public void lockPi() {
        throw notModelChecked("PI locks");
    }

    @Override
    public boolean lockPi(long timeout, TimeUnit unit) {
        throw notModelChecked("PI locks");
    }

    @Override
    public boolean tryLockPi() {
        throw notModelChecked("PI locks");
    }

    @Override
    public void unlockPi() {
        throw notModelChecked("PI locks");
    }

    @Override
    public int ownerId() {
        throw notModelChecked("PI locks");
    }

    /** Always zero: see the class comment. */
    @Override
    public FutexCounters counters() {
        return noCounts;
    }

    @Override
    public FutexBackend backend() {
        return FutexBackend.PORTABLE;
    }

    private static UnsupportedOperationException notModelChecked(String what) {
        return new UnsupportedOperationException("the model checker's futex has no " + what
                + ": model-check waits, wakes and requeues only, and test the rest on the real back ends");
    }

    @Override
    public String toString() {
        return "ModelCheckFutex[" + word.get() + "]";
    }
}
