package chapter03;

import org.syncbook.futex.Futex;

/** A model solution of exercise 3.3. Word: bit 31 someone may sleep, bits 0-30 the count. */
public final class FutexCountdown {
    private static final int WAITERS = 0x8000_0000;
    private static final int COUNT = 0x7fff_ffff;

    private final Futex word;

    public FutexCountdown(Futex word, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a countdown starts at 0 or more, not " + count);
        }
        this.word = word;
        word.set(count);
    }

    public void countDown() {
        int state = word.get();
        while ((state & COUNT) != 0) {
            int seen = word.compareAndExchangeRelease(state, state - 1);
            if (seen == state) {
                if (state == (WAITERS | 1)) {
                    word.wakeAll();
                }
                return;
            }
            state = seen;
        }
    }

    public void await() {
        while (true) {
            int state = word.getAcquire();
            if ((state & COUNT) == 0) {
                return;
            }
            if ((state & WAITERS) == 0 && !word.compareAndSet(state, state | WAITERS)) {
                continue;
            }
            word.await(state | WAITERS);
        }
    }

    public int count() {
        return word.getAcquire() & COUNT;
    }
}
