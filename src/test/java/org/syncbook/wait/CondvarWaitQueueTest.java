package org.syncbook.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.grading.TestThreads;

/** What only the condvar queue promises: a key has an entry only while someone waits on it. */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class CondvarWaitQueueTest {
    @Test
    @DisplayName("an entry appears with a key's first waiter and goes with its last; wakes make none")
    void entriesLiveWithTheirWaiters() throws Exception {
        CondvarWaitQueue<Object> q = new CondvarWaitQueue<>();
        TestThreads threads = new TestThreads(10_000);
        for (long key = 0; key < 100; key++) {
            q.wakeOne(key);
        }
        assertEquals(0, q.liveKeys(), "wakes of keys nobody waits on made entries");
        AtomicBoolean done = new AtomicBoolean();
        for (int i = 0; i < 3; i++) {
            threads.start("waiter-" + i, () -> q.waitWhile(1L, 10, TimeUnit.SECONDS, () -> !done.get()));
        }
        q.waitWhile(2L, 1, TimeUnit.MILLISECONDS, () -> true); // a timed-out waiter must leave too
        WaitQueueContractTest.awaitWaiters(q, 1L, 3);
        assertEquals(1, q.liveKeys(), "three waiters of one key share one entry; the timed-out key has none");
        done.set(true);
        q.wakeAll(1L);
        threads.joinAll("a waiter slept through wakeAll");
        assertEquals(0, q.liveKeys(), "the last waiter to leave must drop the entry");
    }
}
