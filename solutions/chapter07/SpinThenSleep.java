package chapter07;

import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 7.4 — Spin, then sleep.
 *
 * <p>Goal: a wait that looks at its condition a bounded number of times before it sleeps, so a wait
 * that ends soon costs no system call, and one that lasts costs only the spin. Chapter 7, "Spinning
 * first", shows when that pays.
 *
 * <p>Contract: as in 7.2 (the word is a wake sequence; {@link #wakeAll()} advances it and wakes
 * everyone; no wake is lost), and
 * <ul>
 *   <li>{@link #waitWhile} looks at the condition up to {@code maxSpins} times, calling
 *       {@link Thread#onSpinWait()} between looks, before its first futex wait. If the condition
 *       becomes false within those looks, it makes no futex call at all.</li>
 *   <li>After the spin it sleeps: a wait that lasts burns almost no CPU (the grader measures the
 *       waiting thread's CPU time).</li>
 *   <li>With {@code maxSpins == 0} it sleeps at once.</li>
 * </ul>
 */
public final class SpinThenSleep {
    private final Futex word;
    private final int maxSpins;

    public SpinThenSleep(Futex word, int maxSpins) {
        this.word = word;
        this.maxSpins = maxSpins;
    }

    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        // TODO 7.4: spin (look, onSpinWait) up to maxSpins times, then wait as in 7.2
        throw new NotDoneYet("7.4");
    }

    public void wakeAll() {
        // TODO 7.4
        throw new NotDoneYet("7.4");
    }
}
