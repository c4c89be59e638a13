package chapter04;

import org.syncbook.futex.Futex;

/** A model solution of exercise 4.3, used by CI to prove the grader says "done" for correct work. */
public final class SpinThenSleepMutex {
    private final Futex word;
    private final int spins;

    public SpinThenSleepMutex(Futex word, int spins) {
        if (spins < 0) {
            throw new IllegalArgumentException("spins must be >= 0, got " + spins);
        }
        this.word = word;
        this.spins = spins;
    }

    public void lock() {
        if (word.compareAndExchangeAcquire(0, 1) == 0) {
            return;
        }
        for (int i = 0; i < spins && word.getOpaque() == 1; i++) {
            Thread.onSpinWait();
        }
        if (word.compareAndExchangeAcquire(0, 1) == 0) {
            return;
        }
        while (word.getAndSet(2) != 0) {
            word.await(2);
        }
    }

    public void unlock() {
        if (word.getAndSetRelease(0) == 2) {
            word.wake(1);
        }
    }
}
