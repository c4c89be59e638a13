package chapter03;

import org.syncbook.futex.Futex;

/**
 * A model solution of exercise 3.2. Word: 0 unset, 1 unset and someone may sleep, 2 set.
 */
public final class QuietEvent {
    private final Futex word;

    public QuietEvent(Futex word) {
        this.word = word;
    }

    public void set() {
        if (word.getAndSetRelease(2) == 1) {
            word.wakeAll();
        }
    }

    public void await() {
        while (true) {
            int state = word.getAcquire();
            if (state == 2) {
                return;
            }
            if (state == 0 && !word.compareAndSet(0, 1)) {
                continue;
            }
            word.await(1);
        }
    }

    public boolean isSet() {
        return word.getAcquire() == 2;
    }
}
