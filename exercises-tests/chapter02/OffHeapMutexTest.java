package chapter02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.pthread.Held;
import org.syncbook.pthread.MutexType;
import org.syncbook.pthread.PthreadMutex;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;

@Exercise(id = "2.1", title = "A mutex off the heap", file = "OffHeapMutex.java",
        hint = "chapter 2, 'Why not the Java heap' and 'A mutex with a guard'", timeoutSeconds = 30)
class OffHeapMutexTest {

    /** What the tests need of a mutex: the reference's and the learner's look alike through it. */
    interface Mutex extends AutoCloseable {
        Held lock();

        @Override
        void close();
    }

    private static Mutex newMutex() {
        return Impl.pick(() -> {
            PthreadMutex m = new PthreadMutex(MutexType.NORMAL);
            return new Mutex() {
                public Held lock() { return m.lock(); }
                public void close() { m.close(); }
            };
        }, () -> {
            OffHeapMutex m = new OffHeapMutex();
            return new Mutex() {
                public Held lock() { return m.lock(); }
                public void close() { m.close(); }
            };
        });
    }

    @Test
    @DisplayName("a held mutex makes another thread wait, and the guard's close() lets it in")
    void lockWaitsForTheGuard() throws Exception {
        Mutex m = newMutex();
        Held held = m.lock();
        if (held == null) {
            fail("lock() returned null: it must return a Held whose close() unlocks the mutex");
        }
        Ch2.Job<Void> other = Ch2.run("other", () -> m.lock().close());
        if (other.endsWithin(200)) {
            other.result();
            fail("another thread got the mutex while this thread held it: lock() does not lock "
                    + "(is pthread_mutex_lock called on the mutex's own memory?)");
        }
        held.close();
        other.await("the guard was closed, but the waiting thread never got the mutex: the unlock did not wake it. "
                + "If the mutex lives in a Java array, JNA passed each call its own copy, so the waiter sleeps on an "
                + "address nobody unlocks: keep it in an OffHeapBlock");
        m.close();
    }

    @Test
    @DisplayName("mutual exclusion: 4 threads x 10 000 increments under the mutex lose none")
    void mutualExclusion() throws Exception {
        Mutex m = newMutex();
        int threads = 4;
        int rounds = 10_000;
        long[] counter = {0};
        CountDownLatch start = new CountDownLatch(1);
        @SuppressWarnings("unchecked")
        Ch2.Job<Void>[] jobs = new Ch2.Job[threads];
        for (int t = 0; t < threads; t++) {
            jobs[t] = Ch2.run("worker-" + t, () -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    try (Held held = m.lock()) {
                        counter[0]++;
                    }
                }
            });
        }
        start.countDown();
        for (Ch2.Job<Void> j : jobs) {
            j.await("4 threads taking turns with the mutex did not finish: a waiter missed an unlock, "
                    + "or a guard did not unlock");
        }
        assertEquals((long) threads * rounds, counter[0], "increments were lost: two threads were inside the "
                + "guarded block at the same time, so the mutex did not exclude them");
        m.close();
    }

    @Test
    @DisplayName("the guard unlocks when the guarded block throws")
    void guardUnlocksOnException() throws Exception {
        Mutex m = newMutex();
        try {
            try (Held held = m.lock()) {
                throw new IllegalStateException("the work failed");
            }
        } catch (IllegalStateException expected) {
            // the guard was closed on the way out
        }
        Ch2.run("other", () -> m.lock().close()).await("after a block that threw, the mutex was still locked: "
                + "the guard must unlock in close(), which try-with-resources calls however the block ends");
        m.close();
    }

    @Test
    @DisplayName("closing a guard twice unlocks once (a NORMAL mutex accepts a second unlock silently, and goes wrong)")
    void guardClosedTwice() throws Exception {
        Mutex m = newMutex();
        Held held = m.lock();
        held.close();
        held.close();
        try {
            m.close();
        } catch (ErrnoException e) {
            fail("close() failed after a guard was closed twice: " + e.getMessage() + ". The guard unlocked twice; "
                    + "glibc's NORMAL mutex does not complain, but its count of users is now wrong. Make close() of a "
                    + "guard do nothing the second time");
        }
    }

    @Test
    @DisplayName("close() of a locked mutex throws EBUSY and the mutex stays usable; after close(), lock() throws")
    void closeRules() throws Exception {
        Mutex m = newMutex();
        Held held = m.lock();
        ErrnoException busy = null;
        try {
            m.close();
        } catch (ErrnoException e) {
            busy = e;
        }
        if (busy == null) {
            fail("close() of a locked mutex returned normally: pthread_mutex_destroy answers EBUSY, check its result");
        }
        assertEquals(Errno.EBUSY, busy.error(), "close() of a locked mutex should fail with EBUSY: " + busy.getMessage());
        held.close();
        Ch2.Job<Void> other = Ch2.run("other", () -> m.lock().close());
        other.await("after a refused close(), the mutex should still work, but another thread could not lock it");
        m.close();
        m.close(); // a second close does nothing
        IllegalStateException closed = assertThrows(IllegalStateException.class, m::lock,
                "lock() after close() must throw IllegalStateException instead of calling C on a destroyed mutex");
        if (closed.getMessage() == null || closed.getMessage().isEmpty()) {
            fail("the IllegalStateException after close() should say what happened");
        }
    }
}
