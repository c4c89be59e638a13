package chapter06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.lock.RwLock1;

@Exercise(id = "6.1", title = "A reader count and a writer marker", file = "ReaderCountLock.java",
        hint = "chapter 6, 'Readers count, a writer marks'", timeoutSeconds = 30)
class ReaderCountLockTest {

    private static Ch6.Rw newLock(Futex state) {
        return Impl.pick(() -> {
            RwLock1 l = new RwLock1(state);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        }, () -> {
            ReaderCountLock l = new ReaderCountLock(state);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        });
    }

    @Test
    @DisplayName("two readers are inside at the same time")
    void readersShare() throws Exception {
        Ch6.readersShare(newLock(Ch6.futex(FutexBackend.LINUX)));
    }

    @ParameterizedTest(name = "a writer is alone inside: 4 threads x 10 000 iterations, 1 in 4 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void writerExcludes(FutexBackend backend) throws Exception {
        Ch6.writerExcludes(newLock(Ch6.futex(backend)), 4, 10_000);
    }

    @ParameterizedTest(name = "readers asleep behind a writer burn no CPU and all come in when it unlocks ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingReadersWake(FutexBackend backend) throws Exception {
        Futex state = Ch6.futex(backend);
        Ch6.sleepingReadersWake(newLock(state), state, backend);
    }

    @ParameterizedTest(name = "a writer asleep behind readers burns no CPU and comes in when the last one leaves ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingWriterWakes(FutexBackend backend) throws Exception {
        Futex state = Ch6.futex(backend);
        Ch6.sleepingWriterWakes(newLock(state), state, backend);
    }

    @ParameterizedTest(name = "the last reader leaving between a writer's look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void lastReaderInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex state = Ch6.window(backend);
        Ch6.lastReaderInTheWindow(newLock(state), state, "the state word", "Sleep expecting exactly the value you saw, "
                + "so that any change in between makes the futex return at once");
    }

    @ParameterizedTest(name = "no wake-up is lost: 4 threads x 10 000 iterations, 1 in 2 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        WindowFutex state = Ch6.window(backend);
        Ch6.noLostWakeups(newLock(state), new WindowFutex[] {state}, 4, 10_000);
    }

    @Test
    @DisplayName("unlocking what you do not hold throws IllegalMonitorStateException")
    void misuse() throws Exception {
        Ch6.misuse(newLock(Ch6.futex(FutexBackend.LINUX)));
    }
}
