package chapter04;

import org.syncbook.futex.Futex;

/** A model solution of exercise 4.1, used by CI to prove the grader says "done" for correct work. */
public final class TwoStateMutex {
    private final Futex word;

    public TwoStateMutex(Futex word) {
        this.word = word;
    }

    public void lock() {
        while (word.compareAndExchangeAcquire(0, 1) != 0) {
            word.await(1);
        }
    }

    public void unlock() {
        word.setRelease(0);
        word.wake(1);
    }
}
