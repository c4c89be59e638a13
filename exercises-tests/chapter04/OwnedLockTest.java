package chapter04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ModelCheck;
import org.syncbook.grading.TestThreads;
import org.syncbook.lock.FutexMutex;

@Exercise(id = "4.4", title = "A Lock with an owner", file = "OwnedLock.java",
        hint = "chapter 4, 'A Lock with an owner' and 'Interrupts and timeouts'", timeoutSeconds = 40)
class OwnedLockTest {
    private static final String OWNER = "chapter 4, 'A Lock with an owner'";
    private static final String INTERRUPTS = "chapter 4, 'Interrupts and timeouts'";

    private static Lock newLock(Futex word) {
        return Impl.pick(() -> new FutexMutex(word), () -> new OwnedLock(word));
    }

    /** Runs {@code body} on another thread, where the lock is "held by another thread", and waits for it. */
    private static void elsewhere(String name, TestThreads.Body body) throws InterruptedException {
        TestThreads threads = new TestThreads(Ch4.PATIENCE_MILLIS);
        threads.start(name, body);
        threads.joinAll(name + " did not finish: a call that should not block did");
    }

    @ParameterizedTest(name = "lock, tryLock, tryLock(timeout) and lockInterruptibly, uncontended, make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void uncontendedMakesNoCall(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Lock lock = newLock(word);
        lock.lock();
        lock.unlock();
        assertTrue(lock.tryLock(), "tryLock() of a free lock");
        lock.unlock();
        assertTrue(lock.tryLock(1, TimeUnit.SECONDS), "tryLock(1 s) of a free lock");
        lock.unlock();
        lock.lockInterruptibly();
        lock.unlock();
        if (word.counters().total() > 0) {
            fail("uncontended, your lock made " + word.counters() + "; it should make none: wake only when the word "
                    + "says 2, as in exercise 4.2, whichever way the lock was taken; look at " + OWNER);
        }
    }

    @Test
    @DisplayName("unlock by a thread that does not hold the lock throws IllegalMonitorStateException and changes nothing")
    void unlockByNonHolderThrows() throws Exception {
        Futex word = Ch4.futex(FutexBackend.PORTABLE);
        Lock lock = newLock(word);
        lock.lock();
        elsewhere("stranger", () -> {
            assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock() by a thread that does not hold "
                    + "the lock must throw IllegalMonitorStateException: remember the owner in every way in, check it "
                    + "in unlock(); look at " + OWNER);
            assertFalse(lock.tryLock(), "after a stranger's unlock() the lock must still be held: check the owner "
                    + "before you change the word; look at " + OWNER);
        });
        lock.unlock();
        assertEquals(0, word.get(), "the word after the holder's unlock");
        assertThrows(IllegalMonitorStateException.class, lock::unlock,
                "unlock() of a free lock must throw IllegalMonitorStateException; look at " + OWNER);
        assertEquals(0, word.get(), "an unlock() that threw changed the word");
    }

    @ParameterizedTest(name = "tryLock never blocks; tryLock(timeout) gives up on a held lock and waits for one released in time ({0})")
    @EnumSource(FutexBackend.class)
    void tryLockAndTimeouts(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Lock lock = newLock(word);
        lock.lock();
        assertFalse(lock.tryLock(), "not reentrant: tryLock() by the holder itself must fail");
        elsewhere("timed", () -> {
            assertFalse(lock.tryLock(), "tryLock() of a lock another thread holds");
            assertFalse(lock.tryLock(0, TimeUnit.SECONDS), "tryLock(0) of a held lock");
            assertFalse(lock.tryLock(-1, TimeUnit.SECONDS), "tryLock(-1 s) of a held lock");
            assertFalse(lock.tryLock(50, TimeUnit.MILLISECONDS), "tryLock(50 ms) of a lock held for longer: give up "
                    + "once the deadline has passed; look at " + INTERRUPTS);
        });
        TestThreads threads = new TestThreads(Ch4.PATIENCE_MILLIS);
        AtomicBoolean got = new AtomicBoolean();
        threads.start("patient", () -> {
            got.set(lock.tryLock(30, TimeUnit.SECONDS));
            lock.unlock();
        });
        threads.awaitWaitCalls(word, word.counters().waits() + 1);
        lock.unlock();
        threads.joinAll("lost wake-up: a thread in tryLock(30 s) still sleeps after the holder's unlock; look at " + INTERRUPTS);
        assertTrue(got.get(), "tryLock(30 s) must take a lock released while it waits");
    }

    @ParameterizedTest(name = "lockInterruptibly and tryLock(timeout) answer an interrupt while asleep, and leave without the lock ({0})")
    @EnumSource(FutexBackend.class)
    void interruptWhileAsleep(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Lock lock = newLock(word);
        lock.lock();
        for (boolean timed : new boolean[] {false, true}) {
            String call = timed ? "tryLock(1 day)" : "lockInterruptibly()";
            TestThreads threads = new TestThreads(Ch4.PATIENCE_MILLIS);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread waiter = threads.start("waiter", () -> {
                try {
                    if (timed) {
                        lock.tryLock(1, TimeUnit.DAYS);
                    } else {
                        lock.lockInterruptibly();
                    }
                    outcome.set("returned normally");
                } catch (InterruptedException e) {
                    outcome.set(e);
                    assertThrows(IllegalMonitorStateException.class, lock::unlock,
                            call + " threw InterruptedException but the thread holds the lock (or unlock does not check)");
                }
            });
            threads.awaitWaitCalls(word, word.counters().waits() + 1);
            waiter.interrupt();
            threads.joinAll("a thread interrupted in " + call + " is still asleep " + Ch4.on(backend) + ": a thread "
                    + "asleep in the kernel does not see Thread.interrupt(); sleep with word.awaitInterruptibly(...), "
                    + "which checks for it; look at " + INTERRUPTS);
            if (!(outcome.get() instanceof InterruptedException)) {
                fail(call + " " + outcome.get() + " after an interrupt while the lock was held: throw InterruptedException");
            }
        }
        lock.unlock();
        elsewhere("next", () -> {
            assertTrue(lock.tryLock(5, TimeUnit.SECONDS), "the lock is unusable after interrupted waiters left");
            lock.unlock();
        });
    }

    @Test
    @DisplayName("an interrupt that came before lockInterruptibly or tryLock(timeout) throws at once, even if the lock is free")
    void interruptBefore() throws Exception {
        Lock lock = newLock(Ch4.futex(FutexBackend.PORTABLE));
        lock.lock();
        lock.unlock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, lock::lockInterruptibly,
                "lockInterruptibly() with an interrupt pending must throw InterruptedException; look at " + INTERRUPTS);
        assertFalse(Thread.interrupted(), "throwing InterruptedException clears the interrupt status (Thread.interrupted())");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> lock.tryLock(1, TimeUnit.SECONDS),
                "tryLock(timeout) with an interrupt pending must throw InterruptedException; look at " + INTERRUPTS);
        assertFalse(Thread.interrupted(), "throwing InterruptedException clears the interrupt status (Thread.interrupted())");
        assertTrue(lock.tryLock(), "the lock is free: the interrupted calls must not have taken it");
        lock.unlock();
    }

    @ParameterizedTest(name = "4 threads x 5,000 increments through lock, tryLock, tryLock(timeout) and lockInterruptibly lose none ({0})")
    @EnumSource(FutexBackend.class)
    void excludesThroughEveryWayIn(FutexBackend backend) throws Exception {
        Lock lock = newLock(Ch4.futex(backend));
        Ch4.assertExcludes(ModelCheck.Mutex.of(() -> {
            try {
                switch (new Random().nextInt(4)) {
                    case 0 -> lock.lock();
                    case 1 -> {
                        while (!lock.tryLock()) {
                            Thread.onSpinWait();
                        }
                    }
                    case 2 -> {
                        while (!lock.tryLock(20, TimeUnit.MICROSECONDS)) {
                            Thread.onSpinWait();
                        }
                    }
                    default -> lock.lockInterruptibly();
                }
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts these threads", e);
            }
        }, lock::unlock), 4, 5_000, OWNER);
    }

    @ParameterizedTest(name = "an unlock between a waiter''s last look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void unlockInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex word = Ch4.window(backend);
        Lock lock = newLock(word);
        Ch4.assertUnlockInTheWindowIsSeen(word, ModelCheck.Mutex.of(lock::lock, lock::unlock), OWNER);
    }

    @ParameterizedTest(name = "no wake-up is lost: 6 threads x 1,000 lock/unlock, some holding long enough for the others to sleep ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Lock lock = newLock(word);
        Ch4.assertNoLostWakeups(word, ModelCheck.Mutex.of(lock::lock, lock::unlock), 6, 1_000, OWNER);
    }
}
