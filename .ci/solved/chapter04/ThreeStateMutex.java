package chapter04;

import org.syncbook.futex.Futex;

/** A model solution of exercise 4.2, used by CI to prove the grader says "done" for correct work. */
public final class ThreeStateMutex {
    private final Futex word;

    public ThreeStateMutex(Futex word) {
        this.word = word;
    }

    public void lock() {
        if (word.compareAndExchangeAcquire(0, 1) != 0) {
            while (word.getAndSet(2) != 0) {
                word.await(2);
            }
        }
    }

    public void unlock() {
        if (word.getAndSetRelease(0) == 2) {
            word.wake(1);
        }
    }
}
