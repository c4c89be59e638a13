package chapter02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.pthread.MutexType;
import org.syncbook.pthread.PthreadCond;
import org.syncbook.pthread.PthreadMailbox;
import org.syncbook.pthread.PthreadMutex;

@Exercise(id = "2.4", title = "Waiting in a loop", file = "Mailbox.java",
        hint = "chapter 2, 'Condition variables' and 'The wait loop': while, not if; signalAll; one deadline",
        timeoutSeconds = 30)
class MailboxTest {

    interface Box {
        void put(long value) throws InterruptedException;

        long take() throws InterruptedException;

        OptionalLong take(long timeout, TimeUnit unit) throws InterruptedException;
    }

    /** The mutex and condition variable the box is given: the test wakes its waiters through them. */
    private final PthreadMutex mutex = new PthreadMutex(MutexType.ERRORCHECK);
    private final PthreadCond changed = mutex.newCondition();
    private final Box box = Impl.pick(() -> {
        PthreadMailbox b = new PthreadMailbox(mutex, changed);
        return new Box() {
            public void put(long value) throws InterruptedException { b.put(value); }
            public long take() throws InterruptedException { return b.take(); }
            public OptionalLong take(long t, TimeUnit u) throws InterruptedException { return b.take(t, u); }
        };
    }, () -> {
        Mailbox b = new Mailbox(mutex, changed);
        return new Box() {
            public void put(long value) throws InterruptedException { b.put(value); }
            public long take() throws InterruptedException { return b.take(); }
            public OptionalLong take(long t, TimeUnit u) throws InterruptedException { return b.take(t, u); }
        };
    });

    @AfterEach
    void closeIfIdle() {
        try {
            changed.close();
            mutex.close();
        } catch (RuntimeException stillInUse) {
            // a learner's thread is still waiting: leave both open (the test has failed already)
        }
    }

    /** Wakes every waiter on {@code changed} without changing anything: a storm of spurious wake-ups. */
    private void spuriousWakeUps(int count, long pauseMillis) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            changed.signalAll();
            Thread.sleep(pauseMillis);
        }
    }

    /** Waits until a thread waits on {@code changed}: the box must use the condition variable it was given. */
    private void awaitWaiter(Ch2.Job<?> job, String who) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Ch2.PATIENCE_MILLIS);
        while (changed.waiters() == 0) {
            if (job.endsWithin(1)) {
                job.result();
                fail(who + " returned although it had nothing to wait for... yet: it should still be waiting");
            }
            if (System.nanoTime() > deadline) {
                fail(who + " is not waiting on the condition variable the mailbox was given ('changed'): wait with "
                        + "changed.await(), so that put() and take() can wake each other. At " + Ch2.where(job.thread()));
            }
        }
    }

    @Test
    @DisplayName("a value put in can be taken out")
    void putThenTake() throws Exception {
        box.put(7);
        assertEquals(7, box.take(), "take() after put(7)");
        box.put(-3);
        assertEquals(-3, box.take(), "take() after put(-3)");
    }

    @Test
    @DisplayName("take() waits for a put(), and put() wakes it")
    void takeWaitsForPut() throws Exception {
        Ch2.Job<Long> taker = Ch2.call("taker", box::take);
        awaitWaiter(taker, "take() on an empty box");
        box.put(5);
        assertEquals(5L, taker.await("take() slept on after put(): put() must signal the change on 'changed'"));
    }

    @Test
    @DisplayName("wake-ups with nothing put do not let take() return from an empty box")
    void spuriousWakeUpsDoNotFoolTake() throws Exception {
        Ch2.Job<Long> taker = Ch2.call("taker", box::take);
        awaitWaiter(taker, "take() on an empty box");
        spuriousWakeUps(20, 5);
        if (taker.endsWithin(1)) {
            Object got = taker.failure() == null ? taker.result() : taker.failure();
            fail("take() returned (" + got + ") from an empty box: the test woke it 20 times without putting anything, "
                    + "and it did not check again. Wait in a loop: while (box is empty) changed.await();");
        }
        box.put(9);
        assertEquals(9L, taker.await("take() did not return after put(9)"));
    }

    @Test
    @DisplayName("wake-ups with nothing taken do not let put() overwrite a value nobody took")
    void spuriousWakeUpsDoNotFoolPut() throws Exception {
        box.put(1);
        Ch2.Job<Void> putter = Ch2.run("putter", () -> box.put(2));
        awaitWaiter(putter, "put() into a full box");
        spuriousWakeUps(20, 5);
        long first = box.take();
        if (first == 2) {
            fail("the first take() returned 2, so put(2) overwrote the 1 nobody had taken: put() woke (the test woke it "
                    + "20 times without taking anything) and did not check again. Wait in a loop: while (full) ...");
        }
        assertEquals(1, first);
        putter.await("put(2) did not finish after the box was emptied");
        assertEquals(2, box.take());
    }

    @Test
    @DisplayName("2 producers and 2 consumers pass 20 000 values through one slot, none lost or doubled")
    void producersAndConsumers() throws Exception {
        int perProducer = 10_000;
        AtomicLong sum = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        @SuppressWarnings("unchecked")
        Ch2.Job<Void>[] jobs = new Ch2.Job[4];
        for (int p = 0; p < 2; p++) {
            long base = p * (long) perProducer;
            jobs[p] = Ch2.run("producer-" + p, () -> {
                start.await();
                for (int i = 1; i <= perProducer; i++) {
                    box.put(base + i);
                }
            });
            jobs[2 + p] = Ch2.run("consumer-" + p, () -> {
                start.await();
                for (int i = 0; i < perProducer; i++) {
                    sum.addAndGet(box.take());
                }
            });
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Ch2.Job<Void> j : jobs) {
            if (!j.endsWithin(Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                fail("2 producers and 2 consumers stopped: thread '" + j.thread().getName() + "' still waits at "
                        + Ch2.where(j.thread()) + ". A wake-up was lost: with one condition variable for 'not full' and "
                        + "'not empty', signal() may wake a thread of the wrong kind, which sleeps again; use signalAll()");
            }
            j.result();
        }
        long n = 2L * perProducer;
        assertEquals(n * (n + 1) / 2, sum.get(), "the values taken do not add up to the values put: one was lost or "
                + "taken twice. A put() that woke to a full box overwrote it, or a take() that woke to an empty one "
                + "took a value again (wait in a while loop), or the slot was touched without the mutex held");
    }

    @Test
    @DisplayName("take(200 ms) gives up at its deadline although the test wakes it every 5 ms")
    void timedTakeKeepsItsDeadline() throws Exception {
        Ch2.Job<Object[]> taker = Ch2.call("taker", () -> {
            long start = System.nanoTime();
            OptionalLong got = box.take(200, TimeUnit.MILLISECONDS);
            return new Object[] {got, (System.nanoTime() - start) / 1_000_000};
        });
        long stormEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < stormEnd && !taker.endsWithin(5)) {
            changed.signalAll();
        }
        if (!taker.endsWithin(1)) {
            fail("take(200 ms) was still waiting after 2 s, while the test kept waking it: each wake-up started a "
                    + "new 200 ms wait. Keep one deadline for the whole call: awaitNanos(left) returns what is left of it");
        }
        Object[] r = taker.result();
        OptionalLong got = (OptionalLong) r[0];
        long elapsed = (Long) r[1];
        assertFalse(got.isPresent(), "take(200 ms) returned " + got + " from a box nobody put anything in");
        assertTrue(elapsed >= 190, "take(200 ms) gave up after " + elapsed + " ms, at the first wake-up: a wake-up is "
                + "not a timeout; check how much time is left and wait again");
        assertThrows(IllegalArgumentException.class, () -> box.take(-1, TimeUnit.MILLISECONDS),
                "a negative timeout must be refused with IllegalArgumentException");
    }

    @Test
    @DisplayName("take(timeout) returns a value that arrives in time")
    void timedTakeGetsTheValue() throws Exception {
        Ch2.Job<OptionalLong> taker = Ch2.call("taker", () -> box.take(10, TimeUnit.SECONDS));
        awaitWaiter(taker, "take(10 s) on an empty box");
        box.put(11);
        OptionalLong got = taker.await("take(10 s) did not return after put(11)");
        assertEquals(OptionalLong.of(11), got);
    }

    @Test
    @DisplayName("a waiting taker sleeps: it burns (almost) no CPU")
    void waiterSleeps() throws Exception {
        Ch2.Job<Long> taker = Ch2.call("taker", box::take);
        awaitWaiter(taker, "take() on an empty box");
        long cpu;
        long wall;
        try {
            long cpu0 = ThreadWatch.cpuNanos(taker.thread());
            long wall0 = System.nanoTime();
            Thread.sleep(300);
            cpu = ThreadWatch.cpuNanos(taker.thread()) - cpu0;
            wall = System.nanoTime() - wall0;
        } catch (IllegalStateException ended) { // the taker is gone: it returned from an empty box
            taker.result();
            fail("take() returned from an empty box while the test measured how it waits: a wake-up is not a value, "
                    + "check again and wait again (while, not if)");
            return;
        }
        box.put(1);
        taker.await("take() did not return after put(1)");
        assertTrue(cpu < wall / 5, String.format("while the box was empty for %.0f ms, take() burned %.0f ms of CPU: "
                + "it spins instead of sleeping on the condition variable", wall / 1e6, cpu / 1e6));
    }
}
