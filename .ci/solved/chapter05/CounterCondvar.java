package chapter05;

import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;

/** A model solution of exercise 5.1: the counter is read before the unlock. */
public final class CounterCondvar {
    private final Mutex2 mutex;
    private final Futex counter;

    public CounterCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    public void await() {
        int seen = counter.get();
        mutex.unlock();
        counter.await(seen);
        mutex.lock();
    }

    public void signal() {
        counter.getAndAdd(1);
        counter.wake(1);
    }

    public void signalAll() {
        counter.getAndAdd(1);
        counter.wakeAll();
    }
}
