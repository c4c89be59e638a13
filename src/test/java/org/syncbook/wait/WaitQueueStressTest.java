package org.syncbook.wait;

import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncbook.grading.Workers;

/**
 * No lost wake-ups under load: 4 keys, 2 waiters per key, 2 producers. Each key has a counter;
 * producer {@code p} advances the counter of every key in turn, after a random pause (seeded: the
 * seed is in the failure message), then wakes one or all of its waiters. Each waiter waits for the
 * counter to reach 1, 2, ... {@value #ROUNDS} in turn. A waiter whose wake is lost sleeps to its
 * timeout, which the test reports as the failure.
 */
@Timeout(value = 120, threadMode = SEPARATE_THREAD)
class WaitQueueStressTest {
    private static final int KEYS = 4;
    private static final int WAITERS_PER_KEY = 2;
    private static final int PRODUCERS = 2;
    private static final int ROUNDS = 1_000;

    @ParameterizedTest(name = "{0}: 4 keys x 2 waiters, 2 producers, 1 000 rounds, no wake lost")
    @MethodSource("org.syncbook.wait.Queues#all")
    void noLostWakeups(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicLongArray counters = new AtomicLongArray(KEYS);
        AtomicLongArray seen = new AtomicLongArray(KEYS * WAITERS_PER_KEY); // how far each waiter got
        int waiters = KEYS * WAITERS_PER_KEY;
        Workers.start("stress", waiters + PRODUCERS, (index, random) -> {
            if (index < waiters) {
                Long key = (long) (index % KEYS);
                int k = index % KEYS;
                for (long target = 1; target <= ROUNDS * PRODUCERS; target++) {
                    long t = target;
                    WaitOutcome outcome = q.waitWhile(key, 10, TimeUnit.SECONDS, () -> counters.get(k) < t);
                    if (outcome != WaitOutcome.READY) {
                        throw new AssertionError("waiter " + index + " of key " + key + " slept through a wake: the "
                                + "counter is " + counters.get(k) + ", it waited for " + t + " (" + name + ")");
                    }
                    seen.set(index, t);
                }
            } else {
                for (int round = 0; round < ROUNDS; round++) {
                    for (int k = 0; k < KEYS; k++) {
                        for (int spin = random.nextInt(200); spin > 0; spin--) {
                            Thread.onSpinWait();
                        }
                        counters.incrementAndGet(k);
                        if (random.nextBoolean()) {
                            q.wakeAll((long) k);
                        } else {
                            q.wakeOne((long) k); // wakes one waiter; the other sees the counter on its own next look
                            q.wakeOne((long) k);
                        }
                    }
                }
            }
        }).go().join();
    }
}
