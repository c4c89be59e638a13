package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexClock;

/** A model solution of exercise 3.4. */
public final class ValueWait {
    private final Futex word;

    public ValueWait(Futex word) {
        this.word = word;
    }

    public void set(int value) {
        word.setRelease(value);
        word.wakeAll();
    }

    public boolean awaitValue(int wanted, long deadline) {
        while (true) {
            int now = word.getAcquire();
            if (now == wanted) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            word.awaitUntil(now, deadline, FutexClock.MONOTONIC);
        }
    }
}
