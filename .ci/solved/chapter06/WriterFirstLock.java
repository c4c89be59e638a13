package chapter06;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;

/**
 * A model solution of exercise 6.3. state: 2 * readers, plus 1 while a writer waits; MAX_VALUE a
 * writer. writerWake: a counter writers sleep on. sleepers: threads about to sleep or asleep.
 */
public final class WriterFirstLock {
    private static final int WRITER = Integer.MAX_VALUE;
    private final Futex state;
    private final Futex writerWake;
    private final AtomicInteger sleepers = new AtomicInteger();
    private Thread writer;

    public WriterFirstLock(Futex state, Futex writerWake) {
        this.state = state;
        this.writerWake = writerWake;
    }

    public void readLock() {
        while (true) {
            int s = state.getOpaque();
            if ((s & 1) == 1) {
                sleepers.incrementAndGet();
                state.await(s);
                sleepers.decrementAndGet();
            } else if (state.compareAndExchangeAcquire(s, s + 2) == s) {
                return;
            }
        }
    }

    public void readUnlock() {
        while (true) {
            int s = state.getOpaque();
            if (s < 2 || s == WRITER) {
                throw new IllegalMonitorStateException("no read lock held");
            }
            if (state.compareAndExchangeRelease(s, s - 2) == s) {
                if (s == 3) {
                    writerWake.getAndAddRelease(1);
                    writerWake.wake(1);
                }
                return;
            }
        }
    }

    public void writeLock() {
        while (true) {
            int s = state.getOpaque();
            if (s <= 1) {
                if (state.compareAndExchangeAcquire(s, WRITER) == s) {
                    writer = Thread.currentThread();
                    return;
                }
                continue;
            }
            if ((s & 1) == 0 && state.compareAndExchange(s, s + 1) != s) {
                continue;
            }
            sleepers.incrementAndGet();
            int w = writerWake.getAcquire();
            int now = state.get();
            if ((now & 1) == 1 && now > 1) {
                writerWake.await(w);
            }
            sleepers.decrementAndGet();
        }
    }

    public void writeUnlock() {
        if (state.getOpaque() != WRITER || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("write lock not held by this thread");
        }
        writer = null;
        state.set(0);
        if (sleepers.get() != 0) {
            writerWake.getAndAddRelease(1);
            writerWake.wake(1);
            state.wakeAll();
        }
    }
}
