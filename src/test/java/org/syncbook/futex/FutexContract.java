package org.syncbook.futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.syncbook.futex.Sleepers.awaitAsleep;
import static org.syncbook.futex.Sleepers.awaitDone;
import static org.syncbook.futex.Sleepers.countDone;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.syncbook.futex.Sleepers.Sleeper;
import org.syncbook.sys.FutexCall;

/**
 * The {@link Futex} contract, written once and run on every back end: {@code LinuxFutexContractTest}
 * (the real system call), {@code PortableFutexContractTest} (the parking lot on a heap word) and
 * {@code PortableOffHeapFutexContractTest} (the parking lot on an off-heap word). Where the two back
 * ends could differ, the kernel is the reference: the portable back end must answer what
 * {@code futex(2)} answers on the machine the tests run on.
 *
 * <p>No assertion bounds how fast anything happens, except generously ("within 5 s"). The one
 * timing claim asserted exactly is the direction that cannot flake: a wait never times out
 * before its timeout has passed. Every test runs under a 60 s limit in a thread of its own, and
 * every helper is a daemon, so a lost wake-up fails a test instead of hanging the build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class FutexContract {
    static final long MS = 1_000_000L;
    /** What "at once" and "soon" mean here: generous enough for a loaded CI machine. */
    static final long GENEROUS_NANOS = TimeUnit.SECONDS.toNanos(5);

    final Sleepers sleepers = new Sleepers();

    /** A fresh futex of the back end under test, holding {@code initial}. */
    abstract Futex futex(int initial);

    /** A second handle on the same word as {@code f} (for an off-heap word: a new word object at the same address). */
    abstract Futex sameWord(Futex f);

    /** A futex of the other back end, a requeue target the one under test must refuse; {@code null} where there is none. */
    abstract Futex foreign(int initial);

    @AfterEach
    void tidyUp() {
        sleepers.close();
    }

    private Sleeper sleeper(String name, Sleepers.Body body) throws InterruptedException {
        return sleepers.start(name, body);
    }

    /** A sleeper that makes one {@code await(expected)} call and returns its result. */
    private Sleeper oneWait(Futex f, int expected, String name) throws InterruptedException {
        return sleeper(name, () -> f.await(expected));
    }

    private static long wallNanos() {
        return System.currentTimeMillis() * MS;
    }

    // ---------------------------------------------------------------------------------------- waits

    @Test
    @DisplayName("every kind of wait returns VALUE_CHANGED at once when the word does not hold the expected value")
    void valueChanged() throws InterruptedException {
        Futex f = futex(1);
        long start = System.nanoTime();
        assertEquals(WaitResult.VALUE_CHANGED, f.await(0));
        assertEquals(WaitResult.VALUE_CHANGED, f.await(0, 10, TimeUnit.SECONDS));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitUntil(0, System.nanoTime() + 10_000 * MS, FutexClock.MONOTONIC));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitUntil(0, wallNanos() + 10_000 * MS, FutexClock.REALTIME));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitInterruptibly(0));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitInterruptibly(0, 10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < GENEROUS_NANOS, "a wait on a changed value slept");
    }

    @Test
    @DisplayName("a woken waiter sees the value its waker stored: wake(1) after the word changes wakes the sleeper")
    void wakeAfterChange() throws InterruptedException {
        Futex f = futex(0);
        Sleeper s = sleeper("waiter", () -> {
            while (f.get() == 0) {
                f.await(0);
            }
            return f.get();
        });
        awaitAsleep(f, s);
        f.set(7);
        assertEquals(1, f.wake(1), "wake(1) with one sleeper");
        assertEquals(7, s.join());
    }

    @Test
    @DisplayName("wake returns 0 when nobody sleeps on the word")
    void wakeNobody() {
        Futex f = futex(0);
        assertEquals(0, f.wake(1));
        assertEquals(0, f.wake(Integer.MAX_VALUE));
        assertEquals(0, f.wakeAll());
    }

    @Test
    @DisplayName("with 3 sleepers, wake(2) wakes exactly 2 and says so; the next wake(2) finds the last one")
    void wakeExactCounts() throws InterruptedException {
        Futex f = futex(0);
        Sleeper[] s = {oneWait(f, 0, "sleeper-1"), oneWait(f, 0, "sleeper-2"), oneWait(f, 0, "sleeper-3")};
        awaitAsleep(f, s);
        assertEquals(2, f.wake(2));
        awaitDone(2, s);
        Thread.sleep(20); // a wrong implementation that woke a third would show it now
        assertEquals(2, countDone(s), "wake(2) ended more than two waits");
        assertEquals(1, f.wake(2), "one sleeper was left");
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }

    @Test
    @DisplayName("wake(0) wakes nobody, even with a sleeper (the kernel's FUTEX_WAKE would wake one)")
    void wakeZero() throws InterruptedException {
        Futex f = futex(0);
        Sleeper s = oneWait(f, 0, "sleeper");
        awaitAsleep(f, s);
        assertEquals(0, f.wake(0));
        assertEquals(0, f.counters().wakes(), "wake(0) makes no call");
        assertEquals(1, f.wake(1), "the sleeper should still have been asleep for this wake");
        assertEquals(WaitResult.WOKEN, s.join());
    }

    @Test
    @DisplayName("wakeAll wakes every sleeper and counts them")
    void wakeAll() throws InterruptedException {
        Futex f = futex(0);
        Sleeper[] s = {oneWait(f, 0, "sleeper-1"), oneWait(f, 0, "sleeper-2"), oneWait(f, 0, "sleeper-3")};
        awaitAsleep(f, s);
        assertEquals(3, f.wakeAll());
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
        assertEquals(0, f.wakeAll());
    }

    @Test
    @DisplayName("two handles on the same word are the same futex: a wake through one reaches a sleeper on the other")
    void twoHandlesOneWord() throws InterruptedException {
        Futex f = futex(0);
        Futex g = sameWord(f);
        assertTrue(f != g, "sameWord should make a second handle");
        Sleeper s = oneWait(f, 0, "sleeper");
        awaitAsleep(f, s);
        assertEquals(1, g.wake(1));
        assertEquals(WaitResult.WOKEN, s.join());
    }

    // ------------------------------------------------------------------------------------- timeouts

    private static void assertTimedOutNotBefore(long timeoutNanos, long start, WaitResult r, String what) {
        long elapsed = System.nanoTime() - start;
        assertEquals(WaitResult.TIMED_OUT, r, what);
        assertTrue(elapsed >= timeoutNanos, what + " timed out after " + elapsed / 1e6 + " ms, before its " + timeoutNanos / 1e6 + " ms");
        assertTrue(elapsed < GENEROUS_NANOS, what + " took " + elapsed / 1e6 + " ms for a " + timeoutNanos / 1e6 + " ms timeout");
    }

    @Test
    @DisplayName("a timed await returns TIMED_OUT, never before its 50 ms have passed (and well within 5 s)")
    void timedAwait() {
        Futex f = futex(0);
        long start = System.nanoTime();
        assertTimedOutNotBefore(50 * MS, start, f.await(0, 50, TimeUnit.MILLISECONDS), "await(0, 50 ms)");
        start = System.nanoTime();
        assertTimedOutNotBefore(50 * MS, start, f.await(0, 50_000_000, TimeUnit.NANOSECONDS), "await(0, 50 000 000 ns)");
    }

    @Test
    @DisplayName("a timed awaitInterruptibly returns TIMED_OUT, never before its 50 ms have passed")
    void timedAwaitInterruptibly() throws InterruptedException {
        Futex f = futex(0);
        long start = System.nanoTime();
        assertTimedOutNotBefore(50 * MS, start, f.awaitInterruptibly(0, 50, TimeUnit.MILLISECONDS), "awaitInterruptibly(0, 50 ms)");
    }

    @Test
    @DisplayName("a timeout of 0 only checks the value: TIMED_OUT if it still holds, VALUE_CHANGED if not")
    void zeroTimeoutPolls() throws InterruptedException {
        Futex f = futex(0);
        long start = System.nanoTime();
        assertEquals(WaitResult.TIMED_OUT, f.await(0, 0, TimeUnit.SECONDS));
        assertEquals(WaitResult.TIMED_OUT, f.awaitInterruptibly(0, 0, TimeUnit.SECONDS));
        assertEquals(WaitResult.VALUE_CHANGED, f.await(1, 0, TimeUnit.SECONDS));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitInterruptibly(1, 0, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < GENEROUS_NANOS, "a zero timeout slept");
    }

    @Test
    @DisplayName("a negative timeout or deadline is refused with IllegalArgumentException before anything happens")
    void negativeTimeouts() {
        for (int value : new int[] {0, 1}) { // refused whether or not the value matches
            Futex f = futex(value);
            Executable[] calls = {
                () -> f.await(0, -1, TimeUnit.NANOSECONDS),
                () -> f.await(0, Long.MIN_VALUE, TimeUnit.DAYS),
                () -> f.awaitInterruptibly(0, -1, TimeUnit.MILLISECONDS),
                () -> f.awaitUntil(0, -1, FutexClock.MONOTONIC),
                () -> f.awaitUntil(0, Long.MIN_VALUE, FutexClock.REALTIME),
                () -> f.lockPi(-1, TimeUnit.SECONDS),
            };
            for (Executable call : calls) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
                assertTrue(e.getMessage().contains("negative"), e.getMessage());
            }
            assertEquals(value, f.get(), "a refused call changed the word");
            assertEquals(0, f.counters().total(), "a refused call was counted as a call: " + f.counters());
        }
    }

    @Test
    @DisplayName("negative counts for wake and requeue are refused with IllegalArgumentException and counted as nothing")
    void negativeCounts() {
        Futex f = futex(0);
        Futex g = futex(0);
        Executable[] calls = {
            () -> f.wake(-1),
            () -> f.wake(Integer.MIN_VALUE),
            () -> f.requeue(-1, g, 1),
            () -> f.requeue(1, g, -1),
            () -> f.cmpRequeue(0, -1, g, 1),
            () -> f.cmpRequeue(0, 1, g, Integer.MIN_VALUE),
        };
        for (Executable call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("negative"), e.getMessage());
        }
        assertEquals(0, f.counters().total(), f.counters().toString());
    }

    @Test
    @DisplayName("timeouts too long to represent (Long.MAX_VALUE days, deadline Long.MAX_VALUE) wait, without throwing, until woken")
    void hugeTimeouts() throws InterruptedException {
        Futex f = futex(0);
        Sleeper[] s = {
            sleeper("days", () -> f.await(0, Long.MAX_VALUE, TimeUnit.DAYS)),
            sleeper("nanos", () -> f.await(0, Long.MAX_VALUE, TimeUnit.NANOSECONDS)),
            sleeper("interruptibly", () -> f.awaitInterruptibly(0, Long.MAX_VALUE, TimeUnit.DAYS)),
            sleeper("monotonic", () -> f.awaitUntil(0, Long.MAX_VALUE, FutexClock.MONOTONIC)),
            sleeper("realtime", () -> f.awaitUntil(0, Long.MAX_VALUE, FutexClock.REALTIME)),
        };
        awaitAsleep(f, s);
        f.set(1);
        f.wakeAll();
        for (Sleeper x : s) {
            Object r = x.join();
            assertNotEquals(WaitResult.TIMED_OUT, r, x.thread.getName() + " timed out");
        }
    }

    @Test
    @DisplayName("awaitUntil a MONOTONIC deadline (System.nanoTime() + 50 ms) times out, never before it")
    void monotonicDeadline() {
        Futex f = futex(0);
        long deadline = System.nanoTime() + 50 * MS;
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, deadline, FutexClock.MONOTONIC));
        long late = System.nanoTime() - deadline;
        assertTrue(late >= 0, "returned " + -late / 1e6 + " ms before the deadline");
        assertTrue(late < GENEROUS_NANOS, "returned " + late / 1e6 + " ms after the deadline");
    }

    @Test
    @DisplayName("awaitUntil a REALTIME deadline (System.currentTimeMillis() * 10^6 + 50 ms) times out, never before it")
    void realtimeDeadline() {
        Futex f = futex(0);
        long deadline = wallNanos() + 50 * MS;
        long start = System.nanoTime();
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, deadline, FutexClock.REALTIME));
        // currentTimeMillis() is the REALTIME clock cut to whole milliseconds: compare in those
        assertTrue(System.currentTimeMillis() >= deadline / MS, "returned before the wall-clock deadline");
        assertTrue(System.nanoTime() - start < GENEROUS_NANOS, "a 50 ms wait took more than 5 s");
    }

    @Test
    @DisplayName("a deadline in the past times out at once on either clock; a changed value still says VALUE_CHANGED")
    void pastDeadlines() {
        Futex f = futex(0);
        long start = System.nanoTime();
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, System.nanoTime() - 1, FutexClock.MONOTONIC));
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, 0, FutexClock.MONOTONIC));
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, wallNanos() - 1000 * MS, FutexClock.REALTIME));
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, 1, FutexClock.REALTIME));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitUntil(1, 0, FutexClock.MONOTONIC));
        assertEquals(WaitResult.VALUE_CHANGED, f.awaitUntil(1, 0, FutexClock.REALTIME));
        assertTrue(System.nanoTime() - start < GENEROUS_NANOS, "a deadline in the past slept");
    }

    // ----------------------------------------------------------------------------------- interrupts

    @Test
    @DisplayName("awaitInterruptibly throws InterruptedException soon after an interrupt (within 10 s), and clears the flag")
    void interruptibleWait() throws InterruptedException {
        Futex f = futex(0);
        Sleeper[] s = {
            sleeper("untimed", () -> f.awaitInterruptibly(0)),
            sleeper("timed", () -> f.awaitInterruptibly(0, 1, TimeUnit.HOURS)),
        };
        awaitAsleep(f, s);
        for (Sleeper x : s) {
            x.thread.interrupt();
        }
        for (Sleeper x : s) {
            Throwable e = x.joinThrown();
            assertTrue(e instanceof InterruptedException, x.thread.getName() + ": expected InterruptedException, got " + e);
        }
        assertEquals(0, f.wakeAll(), "an interrupted waiter was left queued");
    }

    @Test
    @DisplayName("awaitInterruptibly with the interrupt flag already set throws at once, whatever the word holds")
    void preInterrupted() {
        for (int value : new int[] {0, 1}) {
            Futex f = futex(value);
            long start = System.nanoTime();
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> f.awaitInterruptibly(0), "value " + value);
            assertFalse(Thread.currentThread().isInterrupted(), "InterruptedException leaves the flag cleared");
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> f.awaitInterruptibly(0, 1, TimeUnit.HOURS), "value " + value);
            assertFalse(Thread.interrupted());
            assertTrue(System.nanoTime() - start < GENEROUS_NANOS);
            assertEquals(0, f.wakeAll(), "an interrupted waiter was left queued");
        }
    }

    @Test
    @DisplayName("a plain await ignores an interrupt (wakes only on wake) and returns with the interrupt flag still set")
    void plainAwaitIgnoresInterrupt() throws InterruptedException {
        Futex f = futex(0);
        Sleeper s = sleeper("waiter", () -> {
            WaitResult r = f.await(0);
            return r + ", interrupted=" + Thread.currentThread().isInterrupted() + ", word=" + f.get();
        });
        awaitAsleep(f, s);
        s.thread.interrupt();
        Thread.sleep(100); // gives a wrong implementation time to return early
        awaitAsleep(f, s); // fails if the wait ended on the interrupt
        f.set(1);
        assertEquals(1, f.wake(1));
        assertEquals("WOKEN, interrupted=true, word=1", s.join());
    }

    @Test
    @DisplayName("a timed await ignores an interrupt: it still times out, not before its deadline, with the flag set")
    void timedAwaitIgnoresInterrupt() throws InterruptedException {
        Futex f = futex(0);
        Sleeper s = sleeper("waiter", () -> {
            long start = System.nanoTime();
            WaitResult r = f.await(0, 300, TimeUnit.MILLISECONDS);
            boolean early = System.nanoTime() - start < 300 * MS;
            return r + ", early=" + early + ", interrupted=" + Thread.currentThread().isInterrupted();
        });
        awaitAsleep(f, s);
        s.thread.interrupt();
        assertEquals("TIMED_OUT, early=false, interrupted=true", s.join());
    }

    // ------------------------------------------------------------------------------------- requeue

    @Test
    @DisplayName("requeue(0, g, 3) moves three sleepers without waking them; g.wake then wakes them, f.wake finds nobody")
    void requeueMovesWithoutWaking() throws InterruptedException {
        Futex f = futex(0);
        Futex g = futex(0);
        Sleeper[] s = {oneWait(f, 0, "sleeper-1"), oneWait(f, 0, "sleeper-2"), oneWait(f, 0, "sleeper-3")};
        awaitAsleep(f, s);
        assertEquals(3, f.requeue(0, g, 3), "requeue returns how many it woke or moved (as the kernel does)");
        Thread.sleep(20);
        assertEquals(0, countDone(s), "a requeue with wakeCount 0 woke someone");
        assertEquals(0, f.wake(3), "the sleepers should have left f");
        assertEquals(3, g.wake(3), "the sleepers should sleep on g now");
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }

    @Test
    @DisplayName("cmpRequeue moves sleepers while the word holds the expected value, and returns VALUE_CHANGED, moving nobody, when not")
    void cmpRequeue() throws InterruptedException {
        Futex f = futex(5);
        Futex g = futex(0);
        Sleeper[] s = {oneWait(f, 5, "sleeper-1"), oneWait(f, 5, "sleeper-2")};
        awaitAsleep(f, s);
        assertEquals(Futex.VALUE_CHANGED, f.cmpRequeue(4, 0, g, 2));
        assertEquals(Futex.VALUE_CHANGED, f.cmpRequeue(4, 1, g, 0), "VALUE_CHANGED and nobody woken either");
        assertEquals(0, countDone(s));
        assertEquals(2, f.cmpRequeue(5, 0, g, 2));
        assertEquals(0, f.wake(2));
        assertEquals(2, g.wake(2));
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }

    @Test
    @DisplayName("requeue and cmpRequeue both return woken + moved, as the Linux kernel does (the man page says woken only for REQUEUE)")
    void requeueCounts() throws InterruptedException {
        Futex f = futex(0);
        Futex g = futex(0);
        Sleeper[] s = {oneWait(f, 0, "s1"), oneWait(f, 0, "s2"), oneWait(f, 0, "s3"), oneWait(f, 0, "s4")};
        awaitAsleep(f, s);
        assertEquals(2, f.requeue(1, g, 1), "requeue(1, g, 1) with 4 sleepers: 1 woken + 1 moved");
        assertEquals(2, f.cmpRequeue(0, 1, g, 1), "cmpRequeue(0, 1, g, 1) with 2 sleepers left: 1 woken + 1 moved");
        awaitDone(2, s);
        assertEquals(0, f.requeue(1, g, 1), "nobody is left on f");
        assertEquals(0, f.cmpRequeue(0, 5, g, 5));
        assertEquals(2, g.wake(5));
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }

    @Test
    @DisplayName("requeue onto the futex itself keeps the sleepers queued and counts them")
    void requeueOntoItself() throws InterruptedException {
        Futex f = futex(0);
        Sleeper[] s = {oneWait(f, 0, "sleeper-1"), oneWait(f, 0, "sleeper-2"), oneWait(f, 0, "sleeper-3")};
        awaitAsleep(f, s);
        assertEquals(3, f.requeue(0, f, 3));
        assertEquals(3, f.cmpRequeue(0, 0, f, 5));
        assertEquals(0, countDone(s));
        assertEquals(3, f.wake(3));
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }

    @Test
    @DisplayName("requeue onto a futex of the other back end is refused with IllegalArgumentException, and counted as nothing")
    void requeueAcrossBackEnds() {
        Futex f = futex(0);
        Futex other = foreign(0);
        assumeTrue(other != null, "no other back end on this operating system");
        assertThrows(IllegalArgumentException.class, () -> f.requeue(0, other, 1));
        assertThrows(IllegalArgumentException.class, () -> f.cmpRequeue(0, 0, other, 1));
        assertEquals(0, f.counters().total(), f.counters().toString());
    }

    // ---------------------------------------------------------------------------------------- PI

    @Test
    @DisplayName("lockPi writes the caller's ownerId() into the word, unlockPi writes 0; tryLockPi takes a free lock")
    void piBasics() {
        Futex f = futex(0);
        int me = f.ownerId();
        assertNotEquals(0, me);
        assertEquals(me, f.ownerId(), "ownerId is stable for a thread");
        f.lockPi();
        assertEquals(me, f.get());
        f.unlockPi();
        assertEquals(0, f.get());
        assertTrue(f.tryLockPi());
        assertEquals(me, f.get());
        f.unlockPi();
        assertTrue(f.lockPi(1, TimeUnit.SECONDS), "a free lock is taken at once");
        assertEquals(me, f.get());
        f.unlockPi();
        assertTrue(f.lockPi(0, TimeUnit.SECONDS), "a free lock is taken even with timeout 0");
        f.unlockPi();
        assertEquals(0, f.get());
    }

    @Test
    @DisplayName("while another thread holds the PI lock: tryLockPi fails, lockPi(50 ms) times out (not before), unlockPi throws IllegalMonitorStateException")
    void piHeldElsewhere() throws InterruptedException {
        Futex f = futex(0);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Sleeper holder = sleeper("holder", () -> {
            f.lockPi();
            int id = f.ownerId();
            held.countDown();
            release.await();
            f.unlockPi();
            return id;
        });
        held.await();
        int holderId = f.get() & FutexCall.PI_TID_MASK;
        assertNotEquals(f.ownerId(), holderId);
        assertFalse(f.tryLockPi());
        long start = System.nanoTime();
        assertFalse(f.lockPi(50, TimeUnit.MILLISECONDS));
        long elapsed = System.nanoTime() - start;
        // FUTEX_LOCK_PI measures its deadline on CLOCK_REALTIME, which NTP may slew against the
        // monotonic clock by up to 0.05%: 1 ms of slack covers that, nothing else
        assertTrue(elapsed >= 49 * MS, "lockPi(50 ms) gave up after " + elapsed / 1e6 + " ms");
        assertTrue(elapsed < GENEROUS_NANOS);
        assertThrows(IllegalMonitorStateException.class, f::unlockPi);
        assertEquals(holderId, f.get() & FutexCall.PI_TID_MASK, "a failed unlock must leave the lock to its owner");
        release.countDown();
        assertEquals(holderId, holder.join());
        assertEquals(0, f.get() & FutexCall.PI_TID_MASK);
        assertTrue(f.tryLockPi(), "the lock is free again");
        f.unlockPi();
    }

    @Test
    @DisplayName("a contending lockPi blocks, sets the waiters bit, and is handed the lock by unlockPi: the word then names the new owner")
    void piHandOver() throws InterruptedException {
        Futex f = futex(0);
        f.lockPi();
        int me = f.ownerId();
        Sleeper contender = sleeper("contender", () -> {
            f.lockPi();
            int word = f.get();
            int id = f.ownerId();
            f.unlockPi();
            return (word & FutexCall.PI_TID_MASK) == id ? "owner" : "word " + Integer.toHexString(word) + " but id " + id;
        });
        Sleeper forever = sleeper("long timeout", () -> {
            boolean got = f.lockPi(Long.MAX_VALUE, TimeUnit.DAYS);
            int word = f.get();
            int id = f.ownerId();
            f.unlockPi();
            return got && (word & FutexCall.PI_TID_MASK) == id ? "owner" : "got " + got + ", word " + Integer.toHexString(word);
        });
        awaitAsleep(f, contender, forever);
        assertEquals(me | FutexCall.PI_WAITERS, f.get(), "the blocked contenders should have set the waiters bit");
        f.unlockPi();
        assertEquals("owner", contender.join());
        assertEquals("owner", forever.join());
        assertEquals(0, f.get());
    }

    @Test
    @DisplayName("unlockPi of a free lock throws IllegalMonitorStateException (by a non-owner: see the test above)")
    void piUnlockFree() {
        Futex f = futex(0);
        assertThrows(IllegalMonitorStateException.class, f::unlockPi);
        assertEquals(0, f.get());
    }

    @Test
    @DisplayName("lockPi and tryLockPi by the owner throw IllegalMonitorStateException and leave the lock held")
    void piRelock() {
        Futex f = futex(0);
        f.lockPi();
        assertThrows(IllegalMonitorStateException.class, f::lockPi);
        assertThrows(IllegalMonitorStateException.class, () -> f.lockPi(10, TimeUnit.MILLISECONDS));
        assertThrows(IllegalMonitorStateException.class, f::tryLockPi);
        assertEquals(f.ownerId(), f.get() & FutexCall.PI_TID_MASK);
        f.unlockPi();
        assertEquals(0, f.get());
    }

    // ------------------------------------------------------------------------------------ counters

    @Test
    @DisplayName("counters count calls: atomics count nothing, a wake with nobody waiting counts 1, a wait that finds the value changed counts 1")
    void counters() {
        Futex f = futex(0);
        Futex g = futex(0);
        f.set(1);
        f.get();
        f.compareAndSet(1, 0);
        f.getAndAdd(1);
        f.getAndSet(0);
        assertEquals(0, f.counters().total(), "an uncontended set is no call: " + f.counters());
        assertEquals(0, f.wake(1));
        assertEquals(1, f.counters().wakes());
        f.wakeAll();
        assertEquals(2, f.counters().wakes());
        assertEquals(WaitResult.VALUE_CHANGED, f.await(5));
        assertEquals(1, f.counters().waits());
        assertEquals(WaitResult.TIMED_OUT, f.await(0, 1, TimeUnit.MILLISECONDS));
        assertEquals(2, f.counters().waits());
        f.requeue(0, g, 1);
        f.cmpRequeue(0, 0, g, 1);
        assertEquals(2, f.counters().requeues());
        assertEquals(0, g.counters().total(), "a requeue target counts nothing");
        f.lockPi();
        f.unlockPi();
        assertTrue(f.tryLockPi());
        f.unlockPi();
        assertEquals(4, f.counters().piCalls());
        assertEquals(10, f.counters().total());
        assertEquals("waits=2, wakes=2, requeues=2, pi=4", f.counters().toString());
    }

    // -------------------------------------------------------------------------------------- stress

    private static final int PING_PONG_ROUNDS = 50_000;
    private static final long PING_PONG_SEED = 4242;

    @Test
    @DisplayName("no lost wake-up: 2 threads ping-pong 50 000 rounds through one word with the classic wait loop (seed 4242 for random pauses)")
    void pingPong() throws InterruptedException {
        Futex f = futex(0);
        Sleeper even = sleeper("even", () -> play(f, 0));
        Sleeper odd = sleeper("odd", () -> play(f, 1));
        // a lost wake-up leaves both players asleep for ever; the bound turns that into a failure
        assertNull(even.join());
        assertNull(odd.join());
        assertEquals(2 * PING_PONG_ROUNDS, f.get());
        assertTrue(f.counters().wakes() == 2L * PING_PONG_ROUNDS, f.counters().toString());
    }

    /** One player: waits for its turn (the word's parity), takes it, wakes the other. */
    private static Object play(Futex f, int parity) {
        Random random = new Random(PING_PONG_SEED + parity);
        for (int round = 0; round < PING_PONG_ROUNDS; round++) {
            int expected = 2 * round + parity;
            int seen;
            while ((seen = f.get()) != expected) {
                f.await(seen); // returns at once if the word moved on since get(): no wake-up can be lost
            }
            if (random.nextInt(16) == 0) {
                for (int spin = random.nextInt(200); spin > 0; spin--) {
                    Thread.onSpinWait(); // vary the interleaving: sometimes the other player is already asleep
                }
            }
            f.set(expected + 1);
            f.wake(1);
        }
        return null;
    }
}
