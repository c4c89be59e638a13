package chapter04;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ModelCheck;
import org.syncbook.lock.Mutex2;

/** Exercise 4.2: {@link MutexChecks}, no futex call when uncontended, and a model check. */
@Exercise(id = "4.2", title = "A mutex in three states", file = "ThreeStateMutex.java",
        hint = "chapter 4, 'Three states: waking only when someone may sleep'", timeoutSeconds = 40)
class ThreeStateMutexTest extends MutexChecks {
    private static final String WHERE = "chapter 4, 'Three states: waking only when someone may sleep'";

    @Override
    ModelCheck.Mutex newMutex(Futex word) {
        return Impl.pick(() -> {
            Mutex2 m = new Mutex2(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        }, () -> {
            ThreeStateMutex m = new ThreeStateMutex(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @Override
    String where() {
        return WHERE;
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

    // tag::model-check[]
    @Test
    @DisplayName("model check: 3 threads lock and unlock once each, 500 interleavings, none leaves a thread asleep for good")
    void modelCheck() {
        ModelCheck.mutex(WHERE, this::newMutex, 3, 1, 500);
    }
    // end::model-check[]
}
