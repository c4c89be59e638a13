package chapter05;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;

/** A model solution of exercise 5.2: waiters count themselves in under the mutex. */
public final class QuietCondvar {
    private final Mutex2 mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    public QuietCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    public void await() {
        waiters.incrementAndGet();
        int seen = counter.get();
        mutex.unlock();
        counter.await(seen);
        waiters.decrementAndGet();
        mutex.lock();
    }

    public void signal() {
        if (waiters.get() > 0) {
            counter.getAndAdd(1);
            counter.wake(1);
        }
    }

    public void signalAll() {
        if (waiters.get() > 0) {
            counter.getAndAdd(1);
            counter.wakeAll();
        }
    }
}
