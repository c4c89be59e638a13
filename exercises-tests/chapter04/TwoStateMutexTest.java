package chapter04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ModelCheck;
import org.syncbook.lock.Mutex1;

/** Exercise 4.1: {@link MutexChecks}, and the word holds 0 or 1. */
@Exercise(id = "4.1", title = "A mutex in two states", file = "TwoStateMutex.java",
        hint = "chapter 4, 'Two states: a wake on every unlock'", timeoutSeconds = 30)
class TwoStateMutexTest extends MutexChecks {

    @Override
    ModelCheck.Mutex newMutex(Futex word) {
        return Impl.pick(() -> {
            Mutex1 m = new Mutex1(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        }, () -> {
            TwoStateMutex m = new TwoStateMutex(word);
            return ModelCheck.Mutex.of(m::lock, m::unlock);
        });
    }

    @Override
    String where() {
        return "chapter 4, 'Two states: a wake on every unlock'";
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
}
