package chapter05;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;

/** A model solution of exercise 5.3: requeue onto the mutex word, relock contended. */
public final class RequeueCondvar {
    private final Mutex2 mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    public RequeueCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    public void await() {
        waiters.incrementAndGet();
        int seen = counter.get();
        mutex.unlock();
        counter.await(seen);
        waiters.decrementAndGet();
        Futex lock = mutex.word();
        while (lock.getAndSet(2) != 0) {
            lock.await(2);
        }
    }

    public void signal() {
        if (waiters.get() > 0) {
            counter.getAndAdd(1);
            counter.wake(1);
        }
    }

    public void signalAll() {
        if (waiters.get() > 0) {
            int now = counter.getAndAdd(1) + 1;
            if (counter.cmpRequeue(now, 1, mutex.word(), Integer.MAX_VALUE) == Futex.VALUE_CHANGED) {
                counter.wakeAll();
            }
        }
    }
}
