package chapter06;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;

/**
 * A model solution of exercise 6.4. state: bit 0 a writer or the upgrader waits, bit 1 the
 * upgradeable lock is held, bits 2.. plain readers; MAX_VALUE a writer.
 */
public final class UpgradeableLock {
    private static final int WAITING = 1;
    private static final int UPGRADEABLE = 2;
    private static final int READER = 4;
    private static final int WRITER = Integer.MAX_VALUE;
    private final Futex state;
    private final Futex writerWake;
    private final Futex upgradeWake;
    private final AtomicInteger sleepers = new AtomicInteger();
    private Thread writer;
    private Thread upgrader;

    public UpgradeableLock(Futex state, Futex writerWake, Futex upgradeWake) {
        this.state = state;
        this.writerWake = writerWake;
        this.upgradeWake = upgradeWake;
    }

    public void readLock() {
        while (true) {
            int s = state.getOpaque();
            if ((s & WAITING) != 0) {
                sleepOnState(s);
            } else if (state.compareAndExchangeAcquire(s, s + READER) == s) {
                return;
            }
        }
    }

    public void readUnlock() {
        while (true) {
            int s = state.getOpaque();
            if (s < READER || s == WRITER) {
                throw new IllegalMonitorStateException("no read lock held");
            }
            if (state.compareAndExchangeRelease(s, s - READER) == s) {
                if (s - READER == (UPGRADEABLE | WAITING)) {
                    bump(upgradeWake);
                } else if (s - READER == WAITING) {
                    bump(writerWake);
                }
                return;
            }
        }
    }

    public void upgradeableLock() {
        while (true) {
            int s = state.getOpaque();
            if ((s & (WAITING | UPGRADEABLE)) != 0) {
                sleepOnState(s);
            } else if (state.compareAndExchangeAcquire(s, s | UPGRADEABLE) == s) {
                upgrader = Thread.currentThread();
                return;
            }
        }
    }

    public void upgradeableUnlock() {
        checkUpgrader();
        upgrader = null;
        if (state.getAndAdd(-UPGRADEABLE) - UPGRADEABLE == WAITING) {
            bump(writerWake);
        }
        if (sleepers.get() != 0) {
            state.wakeAll();
        }
    }

    public void upgrade() {
        checkUpgrader();
        while (true) {
            int s = state.getOpaque();
            if (s == UPGRADEABLE || s == (UPGRADEABLE | WAITING)) {
                if (state.compareAndExchangeAcquire(s, WRITER) == s) {
                    upgrader = null;
                    writer = Thread.currentThread();
                    return;
                }
                continue;
            }
            if ((s & WAITING) == 0 && state.compareAndExchange(s, s | WAITING) != s) {
                continue;
            }
            sleepers.incrementAndGet();
            int w = upgradeWake.getAcquire();
            if (state.get() >= READER) {
                upgradeWake.await(w);
            }
            sleepers.decrementAndGet();
        }
    }

    public void writeLock() {
        while (true) {
            int s = state.getOpaque();
            if (s <= WAITING) {
                if (state.compareAndExchangeAcquire(s, WRITER) == s) {
                    writer = Thread.currentThread();
                    return;
                }
                continue;
            }
            if ((s & WAITING) == 0 && state.compareAndExchange(s, s | WAITING) != s) {
                continue;
            }
            sleepers.incrementAndGet();
            int w = writerWake.getAcquire();
            int now = state.get();
            if ((now & WAITING) != 0 && now > WAITING) {
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
            bump(writerWake);
            state.wakeAll();
        }
    }

    private void sleepOnState(int s) {
        sleepers.incrementAndGet();
        state.await(s);
        sleepers.decrementAndGet();
    }

    private static void bump(Futex counter) {
        counter.getAndAddRelease(1);
        counter.wake(1);
    }

    private void checkUpgrader() {
        int s = state.getOpaque();
        if (s == WRITER || (s & UPGRADEABLE) == 0 || upgrader != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the upgradeable lock is not held by this thread");
        }
    }
}
