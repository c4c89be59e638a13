package chapter04;

import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.syncbook.lock.FutexMutex;

/** Exercise 4.3: {@link MutexChecks} with a budget of 100, and the budget itself. */
@Exercise(id = "4.3", title = "Spin a little, then sleep", file = "SpinThenSleepMutex.java",
        hint = "chapter 4, 'Spin, then sleep'", timeoutSeconds = 40)
class SpinThenSleepMutexTest extends MutexChecks {
    private static final String WHERE = "chapter 4, 'Spin, then sleep'";

    /** The shared checks run with a budget of 100 spins. */
    @Override
    ModelCheck.Mutex newMutex(Futex word) {
        return newMutex(word, 100);
    }

    @Override
    String where() {
        return WHERE;
    }

    private static ModelCheck.Mutex newMutex(Futex word, int spins) {
        return Impl.pick(() -> {
            FutexMutex m = new FutexMutex(word, spins); // the reference's spin-then-sleep with a budget
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        }, () -> {
            SpinThenSleepMutex m = new SpinThenSleepMutex(word, spins);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @ParameterizedTest(name = "with a budget of 1,000 spins, a waiter for a lock held 300 ms sleeps once the budget is spent ({0})")
    @EnumSource(FutexBackend.class)
    void sleepsOnceTheBudgetIsSpent(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Ch4.assertWaiterSleeps(word, newMutex(word, 1_000), WHERE + " (the spin must end after 'spins' looks)");
    }

    @Test
    @DisplayName("1,000 uncontended lock/unlock pairs make no futex call; a negative budget is refused")
    void uncontendedAndArguments() {
        Futex word = Ch4.futex(FutexBackend.LINUX);
        ModelCheck.Mutex mutex = newMutex(word, 100);
        for (int i = 0; i < 1000; i++) {
            mutex.lock();
            mutex.unlock();
        }
        if (word.counters().total() > 0) {
            fail("1,000 lock/unlock pairs with nobody else around made " + word.counters() + "; they should make none. "
                    + "The fast path (0 -> 1) comes before any spinning, and unlock wakes only if the word said 2; "
                    + "look at " + WHERE);
        }
        assertThrows(IllegalArgumentException.class, () -> newMutex(Ch4.futex(FutexBackend.PORTABLE), -1),
                "a negative spin budget must be refused with IllegalArgumentException");
    }
}
