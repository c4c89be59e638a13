package chapter07;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.grading.ExerciseExtension;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.mem.HeapIntWord;

/** What chapter 7's graders share: futexes of both back ends, the condition wait they all grade, and its tests. */
final class Ch7 {
    /** How long a grader waits for something that should happen at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(5_000 * ExerciseExtension.timeoutScale());

    private Ch7() {
    }

    static Futex futex(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? Futexes.create(0, FutexBackend.LINUX) : Futexes.portable(new HeapIntWord(0));
    }

    static String on(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? "on the Linux futex" : "on the portable futex (heap word)";
    }

    /** Exercises 7.2-7.4 under one name. */
    interface Waiting {
        boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException;

        void wakeAll();
    }

    /**
     * The wake that lands between the look of the waiter and its sleep, made to happen every time: on
     * the look number {@code atLook} the condition answers "still waiting", then makes the change
     * and calls {@code wakeAll()} itself, before the waiter can sleep. A lost wake shows as a wait
     * that runs to its timeout.
     */
    static void wakeBetweenLookAndSleep(Waiting w, int atLook, FutexBackend backend, String advice) throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        boolean[] done = new boolean[1];
        long timeoutMillis = 2_000;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        boolean got = w.waitWhile(() -> {
            // after the timeout, "still waiting": a wait that slept to its timeout must not pass as woken
            boolean waiting = !done[0] || System.nanoTime() - deadline >= 0;
            if (looks.incrementAndGet() == atLook) {
                done[0] = true;
                w.wakeAll();
            }
            return waiting;
        }, timeoutMillis);
        if (!got) {
            fail("a waiter slept through a wake: the change and wakeAll() came after its look at the condition, before "
                    + "its sleep, and it slept until the timeout " + on(backend) + ". " + advice);
        }
    }

    /**
     * The share of a CPU {@code waiter} burns over {@code millis} of waiting; fails if it stops
     * waiting meanwhile (its wait returned while its condition still held).
     */
    static double cpuShareWhileWaiting(TestThreads threads, Thread waiter, long millis) throws InterruptedException {
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long wall0 = System.nanoTime();
        Thread.sleep(millis);
        if (!waiter.isAlive()) {
            threads.rethrow();
            fail("waitWhile returned while its condition still held");
        }
        return (double) (ThreadWatch.cpuNanos(waiter) - cpu0) / (System.nanoTime() - wall0);
    }

    /** What to tell a learner whose wait lost the wake between its look and its sleep. */
    static final String READ_SEQUENCE_FIRST = "Read the sequence before you look at the condition, and sleep expecting what you read";

    /** Two waiters wait for a counter to reach 1, 2, ... while a producer advances it: no wait may time out. */
    static void stress(Waiting w, FutexBackend backend, int rounds) throws Exception {
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger slowest = new AtomicInteger();
        int[] seen = new int[2];
        Workers.start("stress", 3, (index, random) -> {
            for (int i = 1; i <= rounds; i++) {
                if (index < 2) {
                    int target = i;
                    long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
                    // after the timeout, "still waiting": a wait that slept to its timeout must not pass as woken
                    if (!w.waitWhile(() -> counter.get() < target || System.nanoTime() - deadline >= 0, PATIENCE_MILLIS)) {
                        throw new AssertionError("a waiter slept through a wake: the counter is " + counter.get()
                                + ", it waited for " + target + " and timed out " + on(backend));
                    }
                    synchronized (seen) {
                        seen[index] = i;
                        slowest.set(Math.min(seen[0], seen[1]));
                    }
                } else {
                    for (int spin = random.nextInt(300); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    counter.incrementAndGet();
                    w.wakeAll();
                    long giveUp = System.nanoTime() + 2_000_000L * PATIENCE_MILLIS;
                    while (slowest.get() < i && System.nanoTime() - giveUp < 0) {
                        Thread.yield(); // one step at a time, so each wake races one sleep
                    }
                }
            }
        }).go().join();
    }
}
