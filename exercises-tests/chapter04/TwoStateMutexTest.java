package chapter04;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.syncbook.lock.Mutex1;

@Exercise(id = "4.1", title = "A mutex in two states", file = "TwoStateMutex.java",
        hint = "chapter 4, 'Two states: a wake on every unlock'", timeoutSeconds = 30)
class TwoStateMutexTest {
    private static final String WHERE = "chapter 4, 'Two states: a wake on every unlock'";

    private static ModelCheck.Mutex newMutex(Futex word) {
        return Impl.pick(() -> {
            Mutex1 m = new Mutex1(word);
            return Ch4.mutex(m::lock, m::unlock);
        }, () -> {
            TwoStateMutex m = new TwoStateMutex(word);
            return Ch4.mutex(m::lock, m::unlock);
        });
    }

    @Test
    @DisplayName("the state lives in the futex word: 1 while locked, 0 after unlock")
    void stateIsTheWord() {
        Futex word = Ch4.futex(FutexBackend.PORTABLE);
        ModelCheck.Mutex mutex = newMutex(word);
        mutex.lock();
        assertEquals(1, word.get(), "the futex word while the lock is held (0 unlocked, 1 locked)");
        mutex.unlock();
        assertEquals(0, word.get(), "the futex word after unlock (0 unlocked, 1 locked)");
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
}
