package chapter02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.pthread.MutexType;
import org.syncbook.pthread.PthreadMutex;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;

@Exercise(id = "2.2", title = "A mutex that reports misuse", file = "CheckedMutex.java",
        hint = "chapter 2, 'Mutex types and what C does with mistakes': PTHREAD_MUTEX_ERRORCHECK, "
                + "and check what every call returns", timeoutSeconds = 30)
class CheckedMutexTest {

    interface Mutex {
        void lock();

        boolean tryLock();

        void unlock();

        void close();
    }

    private static Mutex newMutex() {
        return Impl.pick(() -> {
            PthreadMutex m = new PthreadMutex(MutexType.ERRORCHECK);
            return new Mutex() {
                public void lock() { m.lock(); }
                public boolean tryLock() { return m.tryLock(); }
                public void unlock() { m.unlock(); }
                public void close() { m.close(); }
            };
        }, () -> {
            CheckedMutex m = new CheckedMutex();
            return new Mutex() {
                public void lock() { m.lock(); }
                public boolean tryLock() { return m.tryLock(); }
                public void unlock() { m.unlock(); }
                public void close() { m.close(); }
            };
        });
    }

    /** Whether another thread can take the mutex right now (it lets go again at once). */
    private static boolean freeForOthers(Mutex m) throws Exception {
        return Ch2.call("prober", () -> {
            boolean got = m.tryLock();
            if (got) {
                m.unlock();
            }
            return got;
        }).await("tryLock() by another thread did not return: tryLock must never wait");
    }

    @Test
    @DisplayName("lock, unlock and tryLock work; tryLock on a taken mutex answers false without throwing")
    void basics() throws Exception {
        Mutex m = newMutex();
        m.lock();
        boolean got = Ch2.call("other", m::tryLock).await("tryLock() on a taken mutex did not return: it must never wait");
        assertFalse(got, "tryLock() by another thread took a mutex this thread holds");
        m.unlock();
        assertTrue(freeForOthers(m), "after unlock() another thread could not take the mutex");
        assertTrue(m.tryLock(), "tryLock() on a free mutex should succeed");
        m.unlock();
        m.close();
    }

    @Test
    @DisplayName("lock() by the thread that holds the mutex throws EDEADLK instead of waiting for itself")
    void relockReportsDeadlock() throws Exception {
        Mutex m = newMutex();
        Ch2.Job<Throwable> owner = Ch2.call("owner", () -> {
            m.lock();
            try {
                m.lock();
                return null;
            } catch (ErrnoException e) {
                return e;
            }
        });
        if (!owner.endsWithin(Ch2.PATIENCE_MILLIS)) {
            fail("lock() by the thread that holds the mutex did not return within " + Ch2.PATIENCE_MILLIS / 1000.0
                    + " s: the thread waits for itself, as a NORMAL mutex does. Make it ERRORCHECK "
                    + "(pthread_mutexattr_settype before pthread_mutex_init), at " + Ch2.where(owner.thread()));
        }
        Throwable e = owner.result();
        if (e == null) {
            fail("lock() by the thread that holds the mutex returned normally; glibc answers EDEADLK for an ERRORCHECK "
                    + "mutex: is the type set, and do you check what pthread_mutex_lock returns?");
        }
        assertEquals(Errno.EDEADLK, ((ErrnoException) e).error(), "relock should fail with EDEADLK: " + e.getMessage());
        assertFalse(freeForOthers(m), "after the refused relock, the mutex must still be held by its owner");
    }

    @Test
    @DisplayName("unlock() by another thread throws IllegalMonitorStateException (EPERM), and the owner keeps the mutex")
    void foreignUnlockReportsEperm() throws Exception {
        Mutex m = newMutex();
        m.lock();
        Throwable e = Ch2.run("stranger", m::unlock).awaitThrown("unlock() by another thread did not return");
        if (e == null) {
            fail("unlock() by a thread that does not hold the mutex returned normally"
                    + (freeForOthers(m) ? " and released another thread's lock" : "")
                    + ": an ERRORCHECK mutex answers EPERM, throw an IllegalMonitorStateException for it");
        }
        if (!(e instanceof IllegalMonitorStateException)) {
            throw new AssertionError("unlock() by a non-owner should throw IllegalMonitorStateException (EPERM), "
                    + "as Java does for a monitor, but threw " + e, e);
        }
        assertTrue(String.valueOf(e.getMessage()).contains("EPERM"),
                "the IllegalMonitorStateException should name EPERM in its message: " + e.getMessage());
        assertFalse(freeForOthers(m), "after a refused foreign unlock the owner must still hold the mutex");
        m.unlock();
        m.close();
    }

    @Test
    @DisplayName("unlock() of a mutex nobody holds throws IllegalMonitorStateException (EPERM)")
    void unlockUnlocked() {
        Mutex m = newMutex();
        try {
            m.unlock();
            fail("unlock() of an unlocked mutex returned normally: glibc answers EPERM for an ERRORCHECK mutex");
        } catch (IllegalMonitorStateException expected) {
            assertTrue(String.valueOf(expected.getMessage()).contains("EPERM"), "name EPERM: " + expected.getMessage());
        }
        m.close();
    }

    @Test
    @DisplayName("close() of a locked mutex throws EBUSY and leaves it usable")
    void closeLocked() throws Exception {
        Mutex m = newMutex();
        m.lock();
        try {
            m.close();
            fail("close() of a locked mutex returned normally: pthread_mutex_destroy answers EBUSY, check its result");
        } catch (ErrnoException e) {
            assertEquals(Errno.EBUSY, e.error(), e.getMessage());
        }
        m.unlock();
        assertTrue(freeForOthers(m), "after a refused close() the mutex should still work");
        m.close();
    }
}
