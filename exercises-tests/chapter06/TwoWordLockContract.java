package chapter06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;

/**
 * What exercises 6.2 and 6.3 share: a lock on two words, {@code state} (readers sleep on it) and
 * {@code writerWake} (writers sleep on it), that must pass every check of {@link Ch6}. Each
 * exercise's test class says how to build its lock and adds what only that step promises.
 */
abstract class TwoWordLockContract {

    abstract Ch6.Rw newLock(Futex state, Futex writerWake);

    @Test
    @DisplayName("two readers are inside at the same time")
    void readersShare() throws Exception {
        Ch6.readersShare(newLock(Ch6.futex(FutexBackend.LINUX), Ch6.futex(FutexBackend.LINUX)));
    }

    @ParameterizedTest(name = "a writer is alone inside: 4 threads x 10 000 iterations, 1 in 4 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void writerExcludes(FutexBackend backend) throws Exception {
        Ch6.writerExcludes(newLock(Ch6.futex(backend), Ch6.futex(backend)), 4, 10_000);
    }

    @ParameterizedTest(name = "readers asleep on state behind a writer burn no CPU and all come in when it unlocks ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingReadersWake(FutexBackend backend) throws Exception {
        Futex state = Ch6.futex(backend);
        Ch6.sleepingReadersWake(newLock(state, Ch6.futex(backend)), state, backend);
    }

    @ParameterizedTest(name = "a writer asleep on writerWake behind readers burns no CPU and comes in when the last one leaves ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingWriterWakes(FutexBackend backend) throws Exception {
        Futex writerWake = Ch6.futex(backend);
        Ch6.sleepingWriterWakes(newLock(Ch6.futex(backend), writerWake), writerWake, backend);
    }

    @ParameterizedTest(name = "the last reader leaving between a writer's look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void lastReaderInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex writerWake = Ch6.window(backend);
        Ch6.lastReaderInTheWindow(newLock(Ch6.futex(backend), writerWake), writerWake, "writerWake", "Read writerWake "
                + "before you look at state, and sleep expecting the value you read: the last reader out bumps it");
    }

    @ParameterizedTest(name = "no wake-up is lost: 6 threads x 10 000 iterations, 1 in 2 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        WindowFutex state = Ch6.window(backend);
        WindowFutex writerWake = Ch6.window(backend);
        Ch6.noLostWakeups(newLock(state, writerWake), new WindowFutex[] {state, writerWake}, 6, 10_000);
    }

    @Test
    @DisplayName("unlocking what you do not hold throws IllegalMonitorStateException")
    void misuse() throws Exception {
        Ch6.misuse(newLock(Ch6.futex(FutexBackend.LINUX), Ch6.futex(FutexBackend.LINUX)));
    }
}
