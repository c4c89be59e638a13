package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.syncbook.sys.HeapArrayMutex;
import org.syncbook.sys.Sys;

/**
 * Why a pthread mutex must not live in a Java array: {@link HeapArrayMutex} (broken on purpose), on
 * which JNA passes a fresh copy of the array to every call. Alone, a thread cannot tell; with two,
 * the wake-up goes to the wrong address and the waiter's copy overwrites the unlock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class HeapCopyTest {

    @Test
    @DisplayName("one thread alone: the copies are copied back, so lock and unlock look right")
    void aloneItLooksFine() throws Exception {
        HeapArrayMutex m = new HeapArrayMutex();
        assertTrue(m.tryLock());
        assertEquals(1, m.lockWord(), "the array holds what the copy held when the call returned: locked");
        assertEquals(Sys.tid(), m.ownerWord(), "...and the owner's thread id");
        assertFalse(Async.call("other", m::tryLock).get("tryLock by another thread"), "a second thread sees it locked");
        m.unlock();
        assertEquals(0, m.lockWord());
    }

    // tag::lost-unlock[]
    @Test
    @DisplayName("two threads: the waiter sleeps on its own copy, misses the unlock, times out, and leaves the array 'locked'")
    void theUnlockIsLost() throws Exception {
        HeapArrayMutex m = new HeapArrayMutex();
        assertTrue(m.tryLock());
        Async<Long> waiter = Async.call("waiter", () -> {
            long start = System.nanoTime();
            boolean got = m.lockWithin(300); // sleeps in the kernel on the address of its copy
            assertFalse(got, "the waiter got the mutex: this JVM did not copy the array?");
            return (System.nanoTime() - start) / 1_000_000;
        });
        Thread.sleep(50);
        m.unlock();                          // works on another copy: wakes nobody at the waiter's address
        assertEquals(0, m.lockWord(), "right after the unlock, the array says 'unlocked'");
        long waitedMillis = waiter.get("the waiter");
        assertTrue(waitedMillis >= 290, "the waiter gave up after " + waitedMillis + " ms");
        assertEquals(2, m.lockWord(), "the waiter's copy ('locked, waiters') was copied back over the unlock");
        assertFalse(m.tryLock(), "and now nobody can lock it, although nobody holds it");
    }
    // end::lost-unlock[]

    @Test
    @DisplayName("the same misuse with the off-heap mutex: the waiter is woken by the unlock and gets the lock")
    void offHeapWorks() throws Exception {
        try (PthreadMutex m = new PthreadMutex()) {
            Held held = m.lock();
            Async<Long> waiter = Async.call("waiter", () -> {
                long start = System.nanoTime();
                assertTrue(m.tryLock(300, TimeUnit.MILLISECONDS), "the off-heap waiter missed the unlock");
                m.unlock();
                return (System.nanoTime() - start) / 1_000_000;
            });
            Thread.sleep(50);
            held.close();
            long waitedMillis = waiter.get("the waiter");
            assertTrue(waitedMillis < 290, "the waiter was not woken by the unlock: it waited " + waitedMillis + " ms");
        }
    }

    @Test
    @DisplayName("lockWithin refuses waits it could not bound")
    void boundedWaits() {
        HeapArrayMutex m = new HeapArrayMutex();
        assertThrows(IllegalArgumentException.class, () -> m.lockWithin(-1));
        assertThrows(IllegalArgumentException.class, () -> m.lockWithin(60_000));
    }
}
