package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;

/**
 * {@link PthreadMutex}: guards, mutual exclusion, the three types, and every misuse the class
 * comment lists, each turned into an exception instead of a hang or a crash.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class PthreadMutexTest {

    @Nested
    @DisplayName("guards")
    class Guards {
        @ParameterizedTest(name = "{0}")
        @EnumSource(MutexType.class)
        @DisplayName("lock() returns a guard; closing it unlocks, and closing it again does nothing")
        void guardUnlocksOnce(MutexType type) {
            try (PthreadMutex m = new PthreadMutex(type)) {
                Held held = m.lock();
                assertTrue(m.isHeldByCurrentThread());
                held.close();
                assertFalse(m.isHeldByCurrentThread(), "closing the guard did not unlock");
                held.close(); // a second close must not unlock again
                assertNull(m.owner());
                assertTrue(m.tryLock(), "after the guard was closed twice the mutex should be free and consistent");
                m.unlock();
            }
        }

        @Test
        @DisplayName("try-with-resources unlocks when the block throws")
        void guardUnlocksOnException() throws Exception {
            try (PthreadMutex m = new PthreadMutex()) {
                assertThrows(IllegalArgumentException.class, () -> {
                    try (Held held = m.lock()) {
                        throw new IllegalArgumentException("the critical section failed");
                    }
                });
                Async<Boolean> other = Async.call("other", () -> {
                    boolean got = m.tryLock();
                    if (got) {
                        m.unlock();
                    }
                    return got;
                });
                assertTrue(other.get("tryLock by another thread"), "the mutex stayed locked after the block threw");
            }
        }

        @Test
        @DisplayName("a guard closed by another thread throws NotOwnerException and leaves the lock held")
        void guardOfAnotherThread() throws Exception {
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Throwable e = Async.run("thief", held::close).failure("closing another thread's guard");
                assertInstanceOf(NotOwnerException.class, e);
                assertTrue(m.isHeldByCurrentThread(), "the owner lost the mutex to another thread's close()");
                held.close();
            }
        }
    }

    @Test
    @DisplayName("mutual exclusion: 4 threads x 20 000 increments of a plain field under the mutex lose none")
    void mutualExclusion() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        long[] counter = {0};
        try (PthreadMutex m = new PthreadMutex()) {
            CountDownLatch start = new CountDownLatch(1);
            @SuppressWarnings("unchecked")
            Async<Void>[] workers = new Async[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = Async.run("worker-" + t, () -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        try (Held held = m.lock()) {
                            counter[0]++; // a plain read-modify-write: only the mutex keeps it whole
                        }
                    }
                });
            }
            start.countDown();
            for (Async<Void> w : workers) {
                w.get("a worker");
            }
            try (Held held = m.lock()) {
                assertEquals((long) threads * rounds, counter[0], "increments were lost: two threads were inside at once");
            }
        }
    }

    @Test
    @DisplayName("a locked mutex makes another thread wait until it is unlocked")
    void lockBlocksUntilUnlock() throws Exception {
        try (PthreadMutex m = new PthreadMutex()) {
            Held held = m.lock();
            Async<Void> waiter = Async.run("waiter", () -> m.lock().close());
            assertFalse(waiter.finishesWithin(100), "another thread got the mutex while this one held it");
            assertEquals(2, m.users(), "the owner and the waiter should both be counted as users");
            held.close();
            waiter.get("the waiter, after the unlock");
        }
    }

    @Nested
    @DisplayName("types and their errors")
    class Types {
        @Test
        @DisplayName("NORMAL: relock by the owner is refused with EDEADLK instead of hanging, and the mutex stays held")
        void normalRelock() {
            try (PthreadMutex m = new PthreadMutex(MutexType.NORMAL)) {
                try (Held held = m.lock()) {
                    DeadlockException e = assertThrows(DeadlockException.class, m::lock);
                    assertTrue(e.is(Errno.EDEADLK));
                    assertTrue(e.getMessage().contains("NORMAL"), e.getMessage());
                    assertThrows(DeadlockException.class, () -> m.tryLock(10, TimeUnit.MILLISECONDS));
                    assertFalse(m.tryLock(), "trylock never waits, so it just answers false to its owner");
                    assertTrue(m.isHeldByCurrentThread());
                    assertEquals(1, m.holdCount());
                }
            }
        }

        @Test
        @DisplayName("ERRORCHECK: relock answers EDEADLK from glibc, named")
        void errorcheckRelock() {
            try (PthreadMutex m = new PthreadMutex(MutexType.ERRORCHECK)) {
                try (Held held = m.lock()) {
                    DeadlockException e = assertThrows(DeadlockException.class, m::lock);
                    assertEquals(Errno.EDEADLK.code(), e.errno());
                    assertTrue(e.getMessage().startsWith("pthread_mutex_lock failed: EDEADLK"), e.getMessage());
                    assertEquals(1, m.holdCount(), "the failed relock must not count as a hold");
                }
                assertTrue(m.tryLock(), "after the guard closed, the mutex must be free");
                m.unlock();
            }
        }

        @Test
        @DisplayName("RECURSIVE: the owner may lock three times and must unlock three times")
        void recursive() throws Exception {
            try (PthreadMutex m = new PthreadMutex(MutexType.RECURSIVE)) {
                Held a = m.lock();
                assertTrue(m.tryLock());
                Held c = m.lock(10, TimeUnit.MILLISECONDS);
                assertEquals(3, m.holdCount());
                c.close();
                m.unlock();
                assertEquals(1, m.holdCount());
                assertFalse(Async.call("other", m::tryLock).get("tryLock by another thread"), "held once more, not free yet");
                a.close();
                assertEquals(0, m.holdCount());
                assertTrue(Async.call("other", () -> {
                    boolean got = m.tryLock();
                    m.unlock();
                    return got;
                }).get("tryLock by another thread"));
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MutexType.class)
        @DisplayName("unlock by a thread that does not hold the mutex: NotOwnerException (EPERM); the owner keeps it")
        void foreignUnlock(MutexType type) throws Exception {
            try (PthreadMutex m = new PthreadMutex(type)) {
                try (Held held = m.lock()) {
                    Throwable e = Async.run("stranger", m::unlock).failure("a foreign unlock");
                    NotOwnerException refused = assertInstanceOf(NotOwnerException.class, e);
                    assertEquals(Errno.EPERM, refused.error());
                    assertTrue(refused.getMessage().contains("EPERM"), refused.getMessage());
                    assertTrue(refused.getMessage().contains(Thread.currentThread().getName()),
                            "the message should name the owner: " + refused.getMessage());
                    assertSame(Thread.currentThread(), m.owner());
                    assertFalse(Async.call("other", m::tryLock).get("tryLock by another thread"),
                            "the foreign unlock released the mutex");
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MutexType.class)
        @DisplayName("unlock of an unlocked mutex: NotOwnerException (EPERM)")
        void unlockUnlocked(MutexType type) {
            try (PthreadMutex m = new PthreadMutex(type)) {
                NotOwnerException e = assertThrows(NotOwnerException.class, m::unlock);
                assertTrue(e.getMessage().contains("not locked"), e.getMessage());
                assertInstanceOf(IllegalMonitorStateException.class, e);
            }
        }
    }

    @Nested
    @DisplayName("close")
    class Close {
        @Test
        @DisplayName("close() of a locked mutex is refused with EBUSY, and the mutex stays usable")
        void closeLocked() {
            PthreadMutex m = new PthreadMutex();
            Held held = m.lock();
            BusyException e = assertThrows(BusyException.class, m::close);
            assertTrue(e.is(Errno.EBUSY));
            assertTrue(e.getMessage().contains("pthread_mutex_destroy") && e.getMessage().contains("holds"), e.getMessage());
            assertFalse(m.isClosed());
            held.close();
            assertTrue(m.tryLock(), "the mutex should still work after a refused close");
            m.unlock();
            m.close();
            assertTrue(m.isClosed());
            m.close(); // idempotent
        }

        @Test
        @DisplayName("close() while another thread waits for the mutex is refused with EBUSY")
        void closeWithWaiter() throws Exception {
            PthreadMutex m = new PthreadMutex();
            Held held = m.lock();
            Async<Void> waiter = Async.run("waiter", () -> m.lock().close());
            Async.eventually("the waiter is counted", () -> m.users() == 2);
            held.close(); // the waiter gets it...
            // ...and while it may still hold it, close is refused; once it has let go, close succeeds
            waiter.get("the waiter");
            m.close();
        }

        @Test
        @DisplayName("every call after close() throws IllegalStateException, none reaches C")
        void useAfterClose() {
            PthreadMutex m = new PthreadMutex(MutexType.ERRORCHECK);
            m.close();
            assertThrows(IllegalStateException.class, m::lock);
            assertThrows(IllegalStateException.class, m::tryLock);
            assertThrows(IllegalStateException.class, () -> m.tryLock(1, TimeUnit.MILLISECONDS));
            assertThrows(IllegalStateException.class, m::lockInterruptibly);
            assertThrows(IllegalStateException.class, m::unlock);
            assertThrows(IllegalStateException.class, m::newCondition);
            assertTrue(m.toString().contains("closed"));
        }
    }

    @Nested
    @DisplayName("timeouts")
    class Timeouts {
        @ParameterizedTest(name = "clocklock: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("tryLock(timeout) on a held mutex gives up at the deadline; lock(timeout) throws ETIMEDOUT")
        void timesOut(boolean clockLock) throws Exception {
            boolean saved = PthreadMutex.preferClockLock;
            PthreadMutex.preferClockLock = clockLock && org.syncbook.sys.PthreadLib.hasClockLock();
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Async<Long> waiter = Async.call("waiter", () -> {
                    long start = System.nanoTime();
                    boolean got = m.tryLock(60, TimeUnit.MILLISECONDS);
                    assertFalse(got, "tryLock(60 ms) got a mutex that another thread held throughout");
                    return System.nanoTime() - start;
                });
                long waited = waiter.get("the timed waiter");
                assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(55), "gave up after only " + waited / 1e6 + " ms");
                Throwable e = Async.run("timed guard", () -> m.lock(20, TimeUnit.MILLISECONDS)).failure("lock(timeout)");
                TimedOutException timedOut = assertInstanceOf(TimedOutException.class, e);
                assertTrue(timedOut.is(Errno.ETIMEDOUT));
                assertEquals(1, m.users(), "timed-out waiters must not stay counted");
                held.close();
            } finally {
                PthreadMutex.preferClockLock = saved;
            }
        }

        @Test
        @DisplayName("a timed waiter gets the mutex as soon as it is unlocked, long before its deadline")
        void getsItWhenReleased() throws Exception {
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Async<Boolean> waiter = Async.call("waiter", () -> {
                    boolean got = m.tryLock(20, TimeUnit.SECONDS);
                    if (got) {
                        m.unlock();
                    }
                    return got;
                });
                Thread.sleep(30);
                held.close();
                assertTrue(waiter.finishesWithin(5_000), "the waiter slept on although the mutex was unlocked");
                assertTrue(waiter.get("the waiter"));
            }
        }

        @ParameterizedTest(name = "clocklock: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("a timeout too long for the clock saturates: the waiter waits, and gets the mutex when it is unlocked")
        void hugeTimeoutOnAHeldMutex(boolean clockLock) throws Exception {
            boolean saved = PthreadMutex.preferClockLock;
            PthreadMutex.preferClockLock = clockLock && org.syncbook.sys.PthreadLib.hasClockLock();
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Async<Boolean> waiter = Async.call("waiter", () -> {
                    boolean got = m.tryLock(Long.MAX_VALUE, TimeUnit.DAYS); // C must accept the saturated deadline
                    if (got) {
                        m.unlock();
                    }
                    return got;
                });
                Async.eventually("the waiter is waiting", () -> m.users() == 2);
                Thread.sleep(20);
                assertFalse(waiter.isDone(), "the waiter returned although the mutex is held");
                held.close();
                assertTrue(waiter.get("the waiter with a huge timeout"));
            } finally {
                PthreadMutex.preferClockLock = saved;
            }
        }

        @Test
        @DisplayName("a negative timeout is refused; zero means trylock; a huge one still locks a free mutex")
        void timeoutArguments() {
            try (PthreadMutex m = new PthreadMutex()) {
                assertThrows(IllegalArgumentException.class, () -> m.tryLock(-1, TimeUnit.MILLISECONDS));
                assertThrows(IllegalArgumentException.class, () -> m.lock(-1, TimeUnit.NANOSECONDS));
                assertTrue(m.tryLock(0, TimeUnit.SECONDS));
                m.unlock();
                assertTrue(m.tryLock(Long.MAX_VALUE, TimeUnit.DAYS), "a timeout that saturates still locks a free mutex");
                m.unlock();
            }
        }
    }

    @Nested
    @DisplayName("interrupts")
    class Interrupts {
        @Test
        @DisplayName("lockInterruptibly() stops waiting when interrupted, and the mutex stays with its owner")
        void interruptibleLock() throws Exception {
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Async<Void> waiter = Async.run("waiter", () -> m.lockInterruptibly().close());
                Async.eventually("the waiter is waiting", () -> m.users() == 2);
                waiter.thread().interrupt();
                Throwable e = waiter.failure("the interrupted waiter");
                assertInstanceOf(InterruptedException.class, e, "what the interrupted waiter threw");
                assertEquals(1, m.users());
                held.close();
            }
        }

        @Test
        @DisplayName("lock() ignores an interrupt, as C does, and leaves the interrupt flag set")
        void plainLockIgnoresInterrupts() throws Exception {
            try (PthreadMutex m = new PthreadMutex()) {
                Held held = m.lock();
                Async<Boolean> waiter = Async.call("waiter", () -> {
                    m.lock().close();
                    return Thread.currentThread().isInterrupted();
                });
                Async.eventually("the waiter is waiting", () -> m.users() == 2);
                waiter.thread().interrupt();
                assertFalse(waiter.finishesWithin(100), "lock() gave up on an interrupt");
                held.close();
                assertTrue(waiter.get("the waiter"), "lock() cleared the interrupt flag");
            }
        }

        @Test
        @DisplayName("lockInterruptibly() by an interrupted thread throws at once, even on a free mutex")
        void interruptedBefore() {
            try (PthreadMutex m = new PthreadMutex()) {
                Thread.currentThread().interrupt();
                try {
                    assertThrows(InterruptedException.class, m::lockInterruptibly);
                    assertFalse(Thread.interrupted(), "the interrupt flag should be cleared by the exception");
                } finally {
                    Thread.interrupted();
                }
                assertNull(m.owner());
            }
        }
    }

    @Test
    @DisplayName("lock() of a mutex whose owner thread ended throws EOWNERDEAD instead of waiting forever")
    void ownerEnded() throws Exception {
        PthreadMutex m = new PthreadMutex();
        Async.run("short-lived owner", () -> m.lock()).get("the owner"); // locks and ends, never unlocks
        PthreadException e = assertThrows(PthreadException.class, m::lock);
        assertTrue(e.is(Errno.EOWNERDEAD), e.getMessage());
        assertTrue(e.getMessage().contains("short-lived owner"), e.getMessage());
        assertFalse(m.tryLock(), "the mutex is still locked by the ended thread");
        assertThrows(BusyException.class, m::close, "closing it must still be refused");
    }

    @Test
    @DisplayName("a virtual thread is refused (JDK 21+): a pthread mutex belongs to a kernel thread")
    void virtualThreadsRefused() throws Exception {
        java.lang.reflect.Method start;
        try {
            start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        } catch (NoSuchMethodException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no virtual threads on this JDK");
            return;
        }
        try (PthreadMutex m = new PthreadMutex()) {
            Throwable[] thrown = new Throwable[1];
            Thread v = (Thread) start.invoke(null, (Runnable) () -> {
                try {
                    m.lock();
                } catch (Throwable e) {
                    thrown[0] = e;
                }
            });
            v.join(10_000);
            assertNotNull(thrown[0], "a virtual thread locked a pthread mutex");
            assertInstanceOf(UnsupportedOperationException.class, thrown[0]);
            assertTrue(thrown[0].getMessage().contains("virtual thread"), thrown[0].getMessage());
        }
    }

    @Test
    @DisplayName("every error is an ErrnoException that names its error, or an IllegalMonitorStateException for EPERM")
    void errorsAreNamed() {
        assertInstanceOf(ErrnoException.class, PthreadMutex.error("x", Errno.EBUSY.code()));
        assertInstanceOf(BusyException.class, PthreadMutex.error("x", Errno.EBUSY.code()));
        assertInstanceOf(DeadlockException.class, PthreadMutex.error("x", Errno.EDEADLK.code()));
        assertInstanceOf(TimedOutException.class, PthreadMutex.error("x", Errno.ETIMEDOUT.code()));
        assertInstanceOf(NotOwnerException.class, PthreadMutex.error("x", Errno.EPERM.code()));
        RuntimeException other = PthreadMutex.error("pthread_mutex_init", Errno.EINVAL.code());
        assertInstanceOf(PthreadException.class, other);
        assertEquals("pthread_mutex_init failed: EINVAL (Invalid argument)", other.getMessage());
    }
}
