package chapter02;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.syncbook.pthread.Held;
import org.syncbook.pthread.PthreadCond;
import org.syncbook.pthread.PthreadMutex;

/** A model solution of exercise 2.4, used by CI to prove the grader says "done" for correct work. */
public final class Mailbox {
    private final PthreadMutex mutex;
    private final PthreadCond changed;
    private long value;
    private boolean full;

    public Mailbox(PthreadMutex mutex, PthreadCond changed) {
        this.mutex = mutex;
        this.changed = changed;
    }

    public void put(long value) throws InterruptedException {
        try (Held held = mutex.lock()) {
            while (full) {
                changed.await();
            }
            this.value = value;
            full = true;
            changed.signalAll();
        }
    }

    public long take() throws InterruptedException {
        try (Held held = mutex.lock()) {
            while (!full) {
                changed.await();
            }
            full = false;
            changed.signalAll();
            return value;
        }
    }

    public OptionalLong take(long timeout, TimeUnit unit) throws InterruptedException {
        if (timeout < 0) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        long left = unit.toNanos(timeout);
        try (Held held = mutex.lock()) {
            while (!full) {
                if (left <= 0) {
                    return OptionalLong.empty();
                }
                left = changed.awaitNanos(left);
            }
            full = false;
            changed.signalAll();
            return OptionalLong.of(value);
        }
    }
}
