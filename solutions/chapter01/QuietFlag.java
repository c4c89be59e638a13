package chapter01;

import org.syncbook.sys.Flag;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 1.4 — A flag that sleeps.
 *
 * <p>Goal: a {@link Flag} whose waiters burn no CPU while the flag is down, and which never loses a
 * wake-up. Chapter 1, "Four ways to wait", measures the spinning and yielding flags burning a whole
 * CPU each; yours must sleep instead, with {@code java.util.concurrent.locks.LockSupport}
 * ({@code park}/{@code unpark}), and wake every waiter when the flag goes up.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #awaitRaised()} returns once the flag is raised, at once if it already is; any
 *       number of threads may wait at the same time.</li>
 *   <li>{@link #raise()} lets every waiter go, including one that was just about to go to sleep
 *       (the lost wake-up: what happens if the raise comes between your check and your park?).</li>
 *   <li>A waiter uses (almost) no CPU time while it waits.</li>
 *   <li>An interrupted waiter stops waiting and throws {@link InterruptedException}.</li>
 * </ul>
 */
public final class QuietFlag implements Flag {

    @Override
    public void raise() {
        // TODO 1.4: raise the flag, then wake whoever may be asleep
        throw new NotDoneYet("1.4");
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        // TODO 1.4: sleep until the flag is raised, without losing a wake-up
        throw new NotDoneYet("1.4");
    }

    @Override
    public boolean isRaised() {
        // TODO 1.4
        throw new NotDoneYet("1.4");
    }
}
