package org.syncbook.wait.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;
import org.syncbook.wait.SyncConfig;
import org.syncbook.wait.WaitQueue;
import org.syncbook.wait.WaitStrategy;

/** The chapter's three examples, on every strategy. */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class ExamplesTest {
    private static <K> WaitQueue<K> queue(WaitStrategy s) {
        return WaitQueue.create(SyncConfig.defaults().withStrategy(s).withSpin(java.time.Duration.ofNanos(20_000), 1_000));
    }

    @ParameterizedTest(name = "completion ring ({0}): 2 waiters each get the result of their own 2 000 sequence numbers")
    @EnumSource(WaitStrategy.class)
    void completionRing(WaitStrategy strategy) throws Exception {
        int n = 2_000;
        CompletionRing<String> ring = new CompletionRing<>(4_096, queue(strategy));
        AtomicLong checked = new AtomicLong();
        Workers.start("ring", 3, (index, random) -> {
            if (index == 2) {
                for (long seq = 0; seq < n; seq++) {
                    ring.complete(seq, "r" + seq);
                }
                return;
            }
            for (long seq = index; seq < n; seq += 2) {
                assertEquals("r" + seq, ring.awaitCompletion(seq, 10, TimeUnit.SECONDS));
                checked.incrementAndGet();
            }
        }).go().join();
        assertEquals(n, checked.get());
        assertThrows(TimeoutException.class, () -> ring.awaitCompletion(n + 1, 10, TimeUnit.MILLISECONDS));
    }

    @ParameterizedTest(name = "request/reply ({0}): 3 clients x 300 calls through 2 server threads, each gets its own reply")
    @EnumSource(WaitStrategy.class)
    void requestReply(WaitStrategy strategy) throws Exception {
        RequestReplyChannel<Integer, Integer> channel = new RequestReplyChannel<>(queue(strategy));
        AtomicBoolean stop = new AtomicBoolean();
        TestThreads servers = new TestThreads(10_000);
        for (int i = 0; i < 2; i++) {
            servers.start("server-" + i, () -> channel.serve(x -> x * x, stop::get, 5));
        }
        Workers.start("client", 3, (index, random) -> {
            for (int i = 0; i < 300; i++) {
                int x = random.nextInt(1000);
                assertEquals(x * x, channel.call(x, 10, TimeUnit.SECONDS), "the reply to " + x);
            }
        }).go().join();
        stop.set(true);
        servers.joinAll("a server did not stop");
    }

    @ParameterizedTest(name = "polling migration ({0}): both consumers see the target; the waking one with a wake")
    @EnumSource(WaitStrategy.class)
    void pollingMigration(WaitStrategy strategy) throws Exception {
        PollingMigration m = new PollingMigration(queue(strategy));
        TestThreads threads = new TestThreads(10_000);
        AtomicBoolean polled = new AtomicBoolean();
        AtomicBoolean woken = new AtomicBoolean();
        threads.start("poller", () -> polled.set(m.awaitByPolling(100, 10_000)));
        threads.start("sleeper", () -> woken.set(m.awaitByWaking(100, 10_000)));
        for (int i = 0; i < 100; i++) {
            m.advance();
        }
        threads.joinAll("a consumer missed the target");
        assertTrue(polled.get() && woken.get(), "polled " + polled.get() + ", woken " + woken.get());
        assertEquals(false, m.awaitByWaking(101, 10), "nobody advanced to 101: the wait must time out");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("presets name their strategies")
    void presets() {
        assertEquals(WaitStrategy.AUTO, SyncConfig.defaults().strategy());
        assertEquals(WaitStrategy.SPIN_WAIT, SyncConfig.lowLatency().strategy());
        assertEquals(WaitStrategy.CONDVAR, SyncConfig.longWait().strategy());
        assertThrows(IllegalArgumentException.class, () -> SyncConfig.defaults().withSpin(java.time.Duration.ofNanos(-1), 0));
    }
}
