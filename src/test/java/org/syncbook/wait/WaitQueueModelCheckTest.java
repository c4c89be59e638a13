package org.syncbook.wait;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.futex.Futex;
import org.syncbook.grading.ModelCheck;
import org.syncbook.grading.ModelCheckFutex;

/**
 * The no-lost-wake-up protocol of {@link FutexWaitQueue}, model-checked with Lincheck: two waiters on
 * two keys that share the queue's only word, and a waker for each, so that {@code wakeOne} meets
 * the mixed-keys case too. A waiter sleeps only while the word's sequence is unchanged, so a wake
 * that lands between its look at the condition and its sleep must still end the sleep; when it
 * does not, every thread left is asleep and Lincheck reports a hang with the interleaving.
 *
 * <p>The words are the grader's {@link ModelCheckFutex} (the parking lot's static table does not
 * survive Lincheck 3.7), on which a timed wait never times out. {@value #INVOCATIONS} interleavings
 * per check.
 */
@Timeout(value = 300, threadMode = SEPARATE_THREAD)
class WaitQueueModelCheckTest {
    private static final int INVOCATIONS = 300;

    /** What a waiter calls: the queue's waitWhile, or a broken variant of it. */
    interface Waiting {
        void waitWhile(FutexWaitQueue<Long> queue, Futex word, long key, BooleanSupplier condition)
                throws InterruptedException;
    }

    @Test
    @DisplayName("waitWhile and wakeOne on two keys sharing one word: no lost wake-up in 300 interleavings")
    void sharedWord() {
        check((queue, word, key, condition) -> queue.waitWhile(key, 1, TimeUnit.HOURS, condition));
    }

    @Test
    @DisplayName("BROKEN on purpose: reading the sequence after looking at the condition is caught hanging")
    void sequenceReadTooLate() {
        AssertionError e = assertThrows(AssertionError.class, () -> check((queue, word, key, condition) -> {
            while (condition.getAsBoolean()) {
                int seen = word.getAcquire(); // BROKEN: a wake between the look above and this read is lost
                word.awaitInterruptibly(seen);
            }
        }), "the model checker missed a lost wake-up");
        assertTrue(e.getMessage().contains("hung"), "expected a hang (lost wake-up), got:\n" + e.getMessage());
    }

    private static void check(Waiting waiting) {
        Lincheck.runConcurrentTest(INVOCATIONS, new Scenario(waiting));
    }

    /** One run: a queue of one word, two keys, a waiter and a waker for each. */
    private static final class Scenario implements Runnable {
        private final Waiting waiting;
        private Keys keys; // a field of an object older than the run: Lincheck treats it as shared

        Scenario(Waiting waiting) {
            this.waiting = waiting;
        }

        @Override
        public void run() {
            ModelCheckFutex word = new ModelCheckFutex(0);
            keys = new Keys(new FutexWaitQueue<>(() -> word, 1, null), word, waiting);
            ModelCheck.runThreads(() -> keys.await(1), () -> keys.await(2), () -> keys.set(1), () -> keys.set(2));
            if (keys.failure != null) {
                throw keys.failure;
            }
        }
    }

    /** Two flags, one per key, in plain fields: the queue's protocol is all that makes a waiter see its flag. */
    private static final class Keys {
        private final FutexWaitQueue<Long> queue;
        private final Futex word;
        private final Waiting waiting;
        private boolean one;
        private boolean two;
        private AssertionError failure;

        Keys(FutexWaitQueue<Long> queue, Futex word, Waiting waiting) {
            this.queue = queue;
            this.word = word;
            this.waiting = waiting;
        }

        void await(long key) {
            try {
                waiting.waitWhile(queue, word, key, () -> key == 1 ? !one : !two);
            } catch (InterruptedException e) {
                failure = new AssertionError("interrupted", e);
            }
        }

        void set(long key) {
            if (key == 1) {
                one = true;
            } else {
                two = true;
            }
            queue.wakeOne(key);
        }
    }
}
