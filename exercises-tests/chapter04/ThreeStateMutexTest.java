package chapter04;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ModelCheck;
import org.syncbook.lock.Mutex2;

@Exercise(id = "4.2", title = "A mutex in three states", file = "ThreeStateMutex.java",
        hint = "chapter 4, 'Three states: waking only when someone may sleep'", timeoutSeconds = 40)
class ThreeStateMutexTest {
    private static final String WHERE = "chapter 4, 'Three states: waking only when someone may sleep'";

    private static ModelCheck.Mutex newMutex(Futex word) {
        return Impl.pick(() -> {
            Mutex2 m = new Mutex2(word);
            return Ch4.mutex(m::lock, m::unlock);
        }, () -> {
            ThreeStateMutex m = new ThreeStateMutex(word);
            return Ch4.mutex(m::lock, m::unlock);
        });
    }

    @ParameterizedTest(name = "1,000 uncontended lock/unlock pairs make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void uncontendedMakesNoCall(FutexBackend backend) {
        Futex word = Ch4.futex(backend);
        ModelCheck.Mutex mutex = newMutex(word);
        for (int i = 0; i < 1000; i++) {
            mutex.lock();
            mutex.unlock();
        }
        if (word.counters().total() > 0) {
            fail("1,000 lock/unlock pairs with nobody else around made " + word.counters().waits() + " wait and "
                    + word.counters().wakes() + " wake calls; they should make none. Wake only when the word said 2 "
                    + "(someone may sleep), and learn that from the same atomic step that releases; look at " + WHERE);
        }
    }

    @ParameterizedTest(name = "4 threads x 20,000 increments of a plain counter under the lock lose none ({0})")
    @EnumSource(FutexBackend.class)
    void excludes(FutexBackend backend) throws Exception {
        Ch4.assertExcludes(newMutex(Ch4.futex(backend)), 4, 20_000, WHERE);
    }

    @ParameterizedTest(name = "a thread waiting for a held lock sleeps in the futex, burning almost no CPU ({0})")
    @EnumSource(FutexBackend.class)
    void waiterSleeps(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Ch4.assertWaiterSleeps(word, newMutex(word), WHERE);
    }

    @ParameterizedTest(name = "an unlock between a waiter''s last look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void unlockInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex word = Ch4.window(backend);
        Ch4.assertUnlockInTheWindowIsSeen(word, newMutex(word), WHERE);
    }

    @ParameterizedTest(name = "no wake-up is lost: 6 threads x 1,000 lock/unlock, some holding long enough for the others to sleep ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Ch4.assertNoLostWakeups(word, newMutex(word), 6, 1_000, WHERE);
    }

    // tag::model-check[]
    @Test
    @DisplayName("model check: 3 threads lock and unlock once each, 500 interleavings, none leaves a thread asleep for good")
    void modelCheck() {
        ModelCheck.mutex(WHERE, ThreeStateMutexTest::newMutex, 3, 1, 500);
    }
    // end::model-check[]
}
