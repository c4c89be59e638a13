package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.futex.Futex;
import org.syncbook.grading.ModelCheck;

/**
 * {@link ModelCheck}, the graders' model checker, proved on the reference: chapter 4's mutexes pass,
 * and three broken ones, each a mistake learners make, are caught with the bug class named and the
 * interleaving shown. 3 threads x 1 lock/unlock each, 1,000 interleavings per check.
 */
@Timeout(value = 120, threadMode = SEPARATE_THREAD)
class MutexModelCheckTest {
    private static final String WHERE = "the reference";
    private static final int THREADS = 3;
    private static final int ROUNDS = 1;
    private static final int INVOCATIONS = 1_000;

    private static void check(Function<Futex, ModelCheck.Mutex> newMutex) {
        ModelCheck.mutex(WHERE, newMutex, THREADS, ROUNDS, INVOCATIONS);
    }

    private static AssertionError failure(Function<Futex, ModelCheck.Mutex> newMutex) {
        return assertThrows(AssertionError.class, () -> check(newMutex), "the model checker missed the bug");
    }

    private static void assertNames(AssertionError e, String bugClass) {
        String message = e.getMessage();
        assertTrue(message.startsWith(bugClass), "the message should name the bug class '" + bugClass + "':\n" + message);
        assertTrue(message.contains("Thread 1") && message.contains("Thread 2"),
                "the message should show the interleaving, one column per thread:\n" + message);
    }

    @Test
    @DisplayName("Mutex2 (0/1/2) passes")
    void mutex2() {
        check(word -> {
            Mutex2 m = new Mutex2(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @Test
    @DisplayName("Mutex3 (spin, then sleep) passes")
    void mutex3() {
        check(word -> {
            Mutex3 m = new Mutex3(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @Test
    @DisplayName("FutexMutex (no spin, and the default spin) passes")
    void futexMutex() {
        check(word -> {
            FutexMutex m = new FutexMutex(word, 0);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
        check(word -> {
            FutexMutex m = new FutexMutex(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @Test
    @DisplayName("BROKEN: a woken waiter that takes the lock as 1, not 2, is caught as a lost wake-up")
    void wokenWaiterForgetsTheOthers() {
        AssertionError e = failure(word -> ModelCheck.Mutex.of(() -> {
            // tag::woken-takes-1[]
            if (word.compareAndExchangeAcquire(0, 1) != 0) {
                while (word.compareAndExchangeAcquire(0, 1) != 0) { // BROKEN: the other sleepers are forgotten
                    word.compareAndSet(1, 2);
                    word.await(2);
                }
            }
            // end::woken-takes-1[]
        }, () -> {
            if (word.getAndSetRelease(0) == 2) {
                word.wake(1);
            }
        }));
        assertNames(e, ModelCheck.LOST_WAKEUP_MESSAGE);
    }

    @Test
    @DisplayName("BROKEN: an unlock that wakes before it releases is caught as a lost wake-up")
    void wakeBeforeRelease() {
        AssertionError e = failure(word -> {
            Mutex2 sleeping = new Mutex2(word);
            return ModelCheck.Mutex.of(sleeping::lock, () -> {
                // tag::wake-before-release[]
                if (word.get() == 2) {
                    word.wake(1); // BROKEN: the woken waiter finds the word still 2 and sleeps again
                }
                word.setRelease(0);
                // end::wake-before-release[]
            });
        });
        assertNames(e, ModelCheck.LOST_WAKEUP_MESSAGE);
    }

    @Test
    @DisplayName("BROKEN: a lock that checks the word, then sets it, is caught breaking mutual exclusion")
    void checkThenSet() {
        AssertionError e = failure(word -> ModelCheck.Mutex.of(() -> {
            int seen;
            while ((seen = word.get()) != 0) {
                word.await(seen);
            }
            word.set(1); // BROKEN: another thread may have seen 0 too
        }, () -> {
            word.setRelease(0);
            word.wake(1);
        }));
        assertNames(e, ModelCheck.NO_EXCLUSION_MESSAGE);
    }
}
