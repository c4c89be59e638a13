package chapter05;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.lock.Condvar2;
import org.syncbook.lock.Mutex2;

@Exercise(id = "5.2", title = "Skip the wake when nobody waits", file = "QuietCondvar.java",
        hint = "chapter 5, 'Counting the waiters'", timeoutSeconds = 40)
class QuietCondvarTest {

    static final Ch5.Maker MAKE = (mutex, counter) -> Impl.pick(() -> {
        Condvar2 c = new Condvar2(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    }, () -> {
        QuietCondvar c = new QuietCondvar(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    });

    @Test
    @DisplayName("1,000 signals and 1,000 signalAlls with nobody waiting make no futex call")
    void quietWithoutWaiters() {
        for (FutexBackend backend : FutexBackend.values()) {
            Mutex2 mutex = new Mutex2(Ch5.futex(backend, 0));
            Futex counter = Ch5.futex(backend, 0);
            Ch5.Cv cv = MAKE.apply(mutex, counter);
            mutex.lock();
            for (int i = 0; i < 1000; i++) {
                cv.signal();
                cv.signalAll();
            }
            mutex.unlock();
            long calls = counter.counters().total() + mutex.word().counters().total();
            if (calls > 0) {
                fail("2,000 signals with nobody waiting made " + calls + " futex calls " + Ch5.on(backend) + " ("
                        + counter.counters() + "); they should make none. Let await() count itself in while it holds the "
                        + "mutex, and signal only when the count is not 0");
            }
        }
    }

    @ParameterizedTest(name = "await releases the mutex, sleeps without spinning, and returns holding it ({0})")
    @EnumSource(FutexBackend.class)
    void releasesSleepsReacquires(FutexBackend backend) throws Exception {
        Ch5.releasesSleepsReacquires(MAKE, backend);
    }

    @ParameterizedTest(name = "a signal right after the waiter unlocks is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void signalInTheWindow(FutexBackend backend) throws Exception {
        Ch5.signalInTheWindow(MAKE, backend);
    }

    @ParameterizedTest(name = "signalAll wakes 4 sleepers, with the counter wrapping from 0xFFFFFFFF to 0 ({0})")
    @EnumSource(FutexBackend.class)
    void signalAllWakesEveryone(FutexBackend backend) throws Exception {
        Ch5.signalAllWakesEveryone(MAKE, backend);
    }

    @ParameterizedTest(name = "no lost wake-up in a producer/consumer buffer, 4 threads x 3,000 items ({0})")
    @EnumSource(FutexBackend.class)
    void bufferStress(FutexBackend backend) throws Exception {
        Ch5.bufferStress(MAKE, backend);
    }
}
