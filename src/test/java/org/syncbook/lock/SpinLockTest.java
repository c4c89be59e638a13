package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncbook.grading.Workers;
import org.syncbook.lock.MutexStepsTest.Counter;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.IntWord;
import org.syncbook.mem.OffHeapBlock;

/** {@link SpinLock} with each backoff, on a heap and an off-heap word. */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class SpinLockTest {

    static List<Arguments> backoffsAndWords() {
        List<Arguments> all = new ArrayList<>();
        for (SpinLock.Backoff b : SpinLock.Backoff.values()) {
            all.add(Arguments.of(b, "heap"));
            all.add(Arguments.of(b, "off-heap"));
        }
        return all;
    }

    static IntWord word(String kind) {
        return kind.equals("heap") ? new HeapIntWord(0) : OffHeapBlock.allocate(OffHeapBlock.CACHE_LINE).intWord(0);
    }

    @ParameterizedTest(name = "{0} on a {1} word")
    @MethodSource("backoffsAndWords")
    @DisplayName("4 threads x 20,000 increments of a plain counter under the spin lock lose none")
    void excludes(SpinLock.Backoff backoff, String kind) throws Exception {
        int threads = 4;
        int iterations = 20_000;
        SpinLock lock = new SpinLock(word(kind), backoff);
        Counter counter = new Counter();
        Workers workers = Workers.start("spin", threads, (i, random) -> {
            for (int n = 0; n < iterations; n++) {
                if (random.nextBoolean()) {
                    lock.lock();
                } else {
                    while (!lock.tryLock()) {
                        Thread.onSpinWait();
                    }
                }
                counter.value++;
                lock.unlock();
            }
        }).go();
        workers.join();
        assertEquals((long) threads * iterations, counter.value, "lost increments (seed " + workers.seed() + ")");
        assertFalse(lock.isLocked());
    }

    @Test
    @DisplayName("tryLock fails on a held lock; unlocking a free one throws IllegalMonitorStateException")
    void tryLockAndMisuse() {
        SpinLock lock = new SpinLock(SpinLock.Backoff.EXPONENTIAL);
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        assertTrue(lock.tryLock());
        assertFalse(lock.tryLock());
        assertTrue(lock.isLocked());
        lock.unlock();
        assertFalse(lock.isLocked());
    }
}
