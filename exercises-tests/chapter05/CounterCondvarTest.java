package chapter05;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.lock.Condvar1;

@Exercise(id = "5.1", title = "A condition variable on a counter", file = "CounterCondvar.java",
        hint = "chapter 5, 'A counter to sleep on' and 'The window between unlock and sleep'", timeoutSeconds = 40)
class CounterCondvarTest {

    static final Ch5.Maker MAKE = (mutex, counter) -> Impl.pick(() -> {
        Condvar1 c = new Condvar1(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    }, () -> {
        CounterCondvar c = new CounterCondvar(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    });

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
