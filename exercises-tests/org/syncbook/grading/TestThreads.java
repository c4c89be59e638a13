package org.syncbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.syncbook.futex.Futex;

/**
 * The threads one test starts: daemons (a stuck one never keeps the JVM alive), whose first
 * failure becomes the test's failure, joined with a bound so a lost wake-up fails with a message
 * saying which thread still waits and where, instead of hanging.
 */
public class TestThreads {
    /** What a started thread runs. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final long patienceMillis;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param patienceMillis how long a join waits for a thread that should finish at once */
    public TestThreads(long patienceMillis) {
        this.patienceMillis = patienceMillis;
    }

    /** Starts a daemon thread named {@code name} running {@code body}. */
    public Thread start(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    /** Rethrows the first failure of a started thread (a stub's "not done yet" among them) as the test's failure. */
    public void rethrow() {
        Throwable e = failure.get();
        if (e != null) {
            if (e instanceof AssertionError) {
                throw (AssertionError) e;
            }
            throw new AssertionError(e.getClass().getSimpleName() + " in a thread of the test: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code futex} has seen {@code waits} wait calls, so that the waiters are asleep
     * (or about to be); gives up early if a thread failed or every thread finished.
     */
    public void awaitWaitCalls(Futex futex, long waits) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (futex.counters().waits() < waits && System.currentTimeMillis() < deadline) {
            rethrow();
            if (threads.stream().noneMatch(Thread::isAlive)) {
                break;
            }
            Thread.sleep(1);
        }
        rethrow();
        Thread.sleep(20); // from "about to sleep" to "asleep": only to test the asleep case
    }

    /**
     * Waits until {@code latch} opens, but rethrows at once a failure of a started thread (a stub's
     * "not done yet" must not cost the whole patience); fails with {@code ifStuck} after the patience.
     */
    public void await(CountDownLatch latch, String ifStuck) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (!latch.await(10, TimeUnit.MILLISECONDS)) {
            rethrow();
            if (System.currentTimeMillis() >= deadline) {
                throw new AssertionError(ifStuck);
            }
        }
    }

    /** Waits for every thread; one still running after the patience fails the test with {@code ifStuck}. */
    public void joinAll(String ifStuck) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive()) {
                rethrow();
                throw new AssertionError(ifStuck + " (thread \"" + t.getName() + "\" still waiting after "
                        + patienceMillis / 1000.0 + " s, at " + where(t) + ")");
            }
        }
        rethrow();
    }

    /** The first frame of {@code t} outside the JDK and the grader: where the tested code waits. */
    private static String where(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !c.startsWith("org.syncbook.grading.")) {
                return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        return stack.length > 0 ? stack[0].toString() : "?";
    }
}
