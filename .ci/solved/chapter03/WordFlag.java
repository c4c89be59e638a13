package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.sys.Flag;

/** A model solution of exercise 3.1, used by CI to prove the grader says "done" for correct work. */
public final class WordFlag implements Flag {
    private final Futex word;

    public WordFlag(Futex word) {
        this.word = word;
    }

    @Override
    public void raise() {
        word.setRelease(1);
        word.wakeAll();
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        while (word.getAcquire() == 0) {
            word.awaitInterruptibly(0);
        }
    }

    @Override
    public boolean isRaised() {
        return word.getAcquire() != 0;
    }
}
