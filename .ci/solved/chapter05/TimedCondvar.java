package chapter05;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.lock.FutexMutex;

/** A model solution of exercise 5.4. */
public final class TimedCondvar {
    private final FutexMutex mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    public TimedCondvar(FutexMutex mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanosTimeout <= 0) {
            return nanosTimeout;
        }
        long start = System.nanoTime();
        waiters.incrementAndGet();
        int seen = counter.get();
        mutex.unlock();
        InterruptedException interrupted = null;
        try {
            counter.awaitInterruptibly(seen, nanosTimeout, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = e;
        }
        waiters.decrementAndGet();
        mutex.lock();
        if (interrupted != null) {
            if (counter.get() != seen) {
                counter.wake(1);
            }
            throw interrupted;
        }
        return nanosTimeout - (System.nanoTime() - start);
    }

    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitNanos(unit.toNanos(time)) > 0;
    }

    public void signal() {
        checkHeld();
        if (waiters.get() > 0) {
            counter.getAndAdd(1);
            counter.wake(1);
        }
    }

    public void signalAll() {
        checkHeld();
        if (waiters.get() > 0) {
            counter.getAndAdd(1);
            counter.wakeAll();
        }
    }

    private void checkHeld() {
        if (!mutex.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the mutex is not held by " + Thread.currentThread().getName());
        }
    }
}
