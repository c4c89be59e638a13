package org.syncbook.futex;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.syncbook.sys.Sys;
import org.syncbook.sys.Syscall;

/**
 * Helper threads for the futex tests: daemons that run one body, keep its result or what it
 * threw, and can be asked whether they are asleep on a given futex.
 *
 * <p>"Asleep" is checked, not guessed with a sleep: on the Linux back end from
 * {@code /proc/self/task/<tid>/syscall} (the thread is blocked in {@code futex()} on the futex's
 * address) and {@code stat} (its state is S); on the portable back end from the parking lot's
 * blocker object, which a thread carries only after it has queued itself. A test that wakes "the
 * three sleepers" can then expect exactly three, however slowly the machine runs.
 */
final class Sleepers implements AutoCloseable {
    /** Every bounded wait of these tests: far beyond any correct run, short of the test's own timeout. */
    static final long BOUND_MILLIS = 10_000;

    private final List<Sleeper> started = new ArrayList<>();

    interface Body {
        Object run() throws Exception;
    }

    /** A helper thread and what its body returned or threw. */
    static final class Sleeper {
        final Thread thread;
        private final CountDownLatch running = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicReference<Object> result = new AtomicReference<>();
        private final AtomicReference<Throwable> thrown = new AtomicReference<>();
        private volatile int tid;

        private Sleeper(String name, Body body) {
            thread = new Thread(() -> {
                try {
                    tid = LINUX ? Sys.tid() : 0;
                } finally {
                    running.countDown();
                }
                try {
                    result.set(body.run());
                } catch (Throwable e) {
                    thrown.set(e);
                } finally {
                    done.countDown();
                }
            }, name);
            thread.setDaemon(true);
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        /** Waits for the body to end and returns its result; fails if it threw or is still running after the bound. */
        Object join() throws InterruptedException {
            Throwable e = joinThrown();
            if (e != null) {
                throw new AssertionError(thread.getName() + " failed: " + e, e);
            }
            return result.get();
        }

        /** Waits for the body to end and returns what it threw ({@code null} if it returned). */
        Throwable joinThrown() throws InterruptedException {
            if (!done.await(BOUND_MILLIS, TimeUnit.MILLISECONDS)) {
                fail(thread.getName() + " was still running " + BOUND_MILLIS + " ms later: " + describe());
            }
            return thrown.get();
        }

        int tid() {
            return tid;
        }

        String describe() {
            StringBuilder text = new StringBuilder(thread.getName()).append(" (").append(thread.getState()).append(")");
            for (StackTraceElement e : thread.getStackTrace()) {
                text.append("\n    at ").append(e);
            }
            return text.toString();
        }
    }

    static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

    /** Starts a daemon thread running {@code body}; returns once the thread runs (and knows its kernel tid). */
    Sleeper start(String name, Body body) throws InterruptedException {
        Sleeper s = new Sleeper(name, body);
        started.add(s);
        s.thread.start();
        s.running.await();
        return s;
    }

    /** Waits until every one of {@code sleepers} is asleep on {@code futex}; fails if one finished instead or the bound passes. */
    static void awaitAsleep(Futex futex, Sleeper... sleepers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        for (Sleeper s : sleepers) {
            while (!asleepOn(futex, s)) {
                if (s.isDone()) {
                    fail(s.thread.getName() + " was expected to sleep on " + futex + " but its wait ended: "
                            + (s.thrown.get() != null ? "threw " + s.thrown.get() : "returned " + s.result.get()));
                }
                if (System.nanoTime() - deadline > 0) {
                    fail(s.thread.getName() + " did not fall asleep on " + futex + " within " + BOUND_MILLIS + " ms: " + s.describe());
                }
                Thread.sleep(1);
            }
        }
    }

    /** Whether {@code s} is, right now, asleep in a wait (or PI lock) on {@code futex}. */
    static boolean asleepOn(Futex futex, Sleeper s) {
        if (s.isDone()) {
            return false;
        }
        if (futex instanceof LinuxFutex) {
            return blockedInFutexCall(s.tid, ((LinuxFutex) futex).address());
        }
        Object blocker = LockSupport.getBlocker(s.thread);
        Thread.State state = s.thread.getState();
        return blocker != null && (blocker == futex || blocker == ((DelegatingWord) futex).word)
                && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING);
    }

    /** Reads {@code /proc/self/task/<tid>}: sleeping (S) inside {@code futex(address, ...)}. */
    private static boolean blockedInFutexCall(int tid, long address) {
        try {
            String stat = Files.readString(Paths.get("/proc/self/task/" + tid + "/stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            String[] call = Files.readString(Paths.get("/proc/self/task/" + tid + "/syscall")).trim().split(" ");
            return state.equals("S") && call.length > 1
                    && call[0].equals(String.valueOf(Syscall.FUTEX.number()))
                    && call[1].startsWith("0x") && Long.parseUnsignedLong(call[1].substring(2), 16) == address;
        } catch (IOException | RuntimeException e) {
            return false; // the thread ended meanwhile, or was running: not asleep
        }
    }

    /** Waits until {@code n} of {@code sleepers} have finished; fails after the bound. */
    static void awaitDone(int n, Sleeper... sleepers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (true) {
            int finished = 0;
            for (Sleeper s : sleepers) {
                finished += s.isDone() ? 1 : 0;
            }
            if (finished >= n) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("only " + finished + " of the sleepers returned within " + BOUND_MILLIS + " ms, expected " + n);
            }
            Thread.sleep(1);
        }
    }

    static int countDone(Sleeper... sleepers) {
        int finished = 0;
        for (Sleeper s : sleepers) {
            finished += s.isDone() ? 1 : 0;
        }
        return finished;
    }

    /** Interrupts every helper still running: the tests' bodies all end on their own, this only tidies up after a failure. */
    @Override
    public void close() {
        for (Sleeper s : started) {
            if (!s.isDone()) {
                s.thread.interrupt();
            }
        }
    }
}
