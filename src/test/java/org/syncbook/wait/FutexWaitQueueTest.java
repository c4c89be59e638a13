package org.syncbook.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.TestThreads;

/** What only the futex queue promises: no futex call when no waiter of the key waits, and the right wake on a shared word. */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class FutexWaitQueueTest {
    private final TestThreads threads = new TestThreads(10_000);

    @ParameterizedTest(name = "wakes of keys nobody waits on make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void fastPath(FutexBackend backend) throws Exception {
        FutexWaitQueue<Long> q = FutexWaitQueue.of(backend, 16);
        for (long key = 0; key < 1_000; key++) {
            q.wakeOne(key);
            q.wakeAll(key);
        }
        assertEquals(WaitOutcome.READY, q.waitWhile(1L, 1, TimeUnit.SECONDS, () -> false));
        assertEquals(0, q.futexCalls(), "futex calls for 2 000 wakes nobody waited for, and one wait that was ready");
    }

    @Test
    @DisplayName("on a word shared by two keys, a wake of the key nobody waits for makes no futex call")
    void otherKeyOnTheWord() throws Exception {
        FutexWaitQueue<Object> q = FutexWaitQueue.of(FutexBackend.LINUX, 1);
        AtomicBoolean done = new AtomicBoolean();
        threads.start("waiter", () -> q.waitWhile("a", 10, TimeUnit.SECONDS, () -> !done.get()));
        WaitQueueContractTest.awaitWaiters(q, "a", 1);
        long before = q.futexCalls();
        q.wakeOne("b");
        q.wakeAll("b");
        assertEquals(before, q.futexCalls(), "futex calls for wakes of 'b', which nobody waits for");
        done.set(true);
        q.wakeOne("a");
        threads.joinAll("the waiter of 'a' slept through its wake");
    }

    @Test
    @DisplayName("the table must have a power-of-two size")
    void slots() {
        assertThrows(IllegalArgumentException.class, () -> FutexWaitQueue.of(FutexBackend.LINUX, 3));
    }
}
