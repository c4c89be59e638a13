package chapter01;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.syncbook.sys.Flag;

/** A model solution of exercise 1.4, used by CI to prove the grader says "done" for correct work. */
public final class QuietFlag implements Flag {
    private volatile boolean raised;
    private final Set<Thread> sleepers = ConcurrentHashMap.newKeySet();

    @Override
    public void raise() {
        raised = true;
        sleepers.forEach(LockSupport::unpark);
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        Thread me = Thread.currentThread();
        sleepers.add(me);
        try {
            while (!raised) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            sleepers.remove(me);
        }
    }

    @Override
    public boolean isRaised() {
        return raised;
    }
}
