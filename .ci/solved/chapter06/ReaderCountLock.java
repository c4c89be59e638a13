package chapter06;

import org.syncbook.futex.Futex;

/** A model solution of exercise 6.1. Word: 0 free, n readers, MAX_VALUE a writer. */
public final class ReaderCountLock {
    private static final int WRITER = Integer.MAX_VALUE;
    private final Futex state;
    private Thread writer;

    public ReaderCountLock(Futex state) {
        this.state = state;
    }

    public void readLock() {
        while (true) {
            int s = state.getOpaque();
            if (s == WRITER) {
                state.await(WRITER);
            } else if (state.compareAndExchangeAcquire(s, s + 1) == s) {
                return;
            }
        }
    }

    public void readUnlock() {
        while (true) {
            int s = state.getOpaque();
            if (s == 0 || s == WRITER) {
                throw new IllegalMonitorStateException("no read lock held");
            }
            if (state.compareAndExchangeRelease(s, s - 1) == s) {
                if (s == 1) {
                    state.wake(1);
                }
                return;
            }
        }
    }

    public void writeLock() {
        int s;
        while ((s = state.compareAndExchangeAcquire(0, WRITER)) != 0) {
            state.await(s);
        }
        writer = Thread.currentThread();
    }

    public void writeUnlock() {
        if (state.getOpaque() != WRITER || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("write lock not held by this thread");
        }
        writer = null;
        state.setRelease(0);
        state.wakeAll();
    }
}
