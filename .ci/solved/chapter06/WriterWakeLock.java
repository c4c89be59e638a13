package chapter06;

import org.syncbook.futex.Futex;

/** A model solution of exercise 6.2. state: 0 free, n readers, MAX_VALUE a writer; writerWake: a counter writers sleep on. */
public final class WriterWakeLock {
    private static final int WRITER = Integer.MAX_VALUE;
    private final Futex state;
    private final Futex writerWake;
    private Thread writer;

    public WriterWakeLock(Futex state, Futex writerWake) {
        this.state = state;
        this.writerWake = writerWake;
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
                    writerWake.getAndAddRelease(1);
                    writerWake.wake(1);
                }
                return;
            }
        }
    }

    public void writeLock() {
        while (state.compareAndExchangeAcquire(0, WRITER) != 0) {
            int w = writerWake.getAcquire();
            if (state.get() != 0) {
                writerWake.await(w);
            }
        }
        writer = Thread.currentThread();
    }

    public void writeUnlock() {
        if (state.getOpaque() != WRITER || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("write lock not held by this thread");
        }
        writer = null;
        state.setRelease(0);
        writerWake.getAndAddRelease(1);
        writerWake.wake(1);
        state.wakeAll();
    }
}
