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
import org.syncbook.grading.TestThreads;
import org.syncbook.lock.Condvar3;
import org.syncbook.lock.Mutex2;

@Exercise(id = "5.3", title = "A broadcast without a herd", file = "RequeueCondvar.java",
        hint = "chapter 5, 'The thundering herd' and 'Requeue'", timeoutSeconds = 40)
class RequeueCondvarTest {

    static final Ch5.Maker MAKE = (mutex, counter) -> Impl.pick(() -> {
        Condvar3 c = new Condvar3(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    }, () -> {
        RequeueCondvar c = new RequeueCondvar(mutex, counter);
        return Ch5.cv(c::await, c::signal, c::signalAll);
    });

    @ParameterizedTest(name = "signalAll to 6 sleepers: one requeue call, no wake call, at most one sleeps again, all go ({0})")
    @EnumSource(FutexBackend.class)
    void requeueInsteadOfHerd(FutexBackend backend) throws Exception {
        int sleepers = 6;
        Mutex2 mutex = new Mutex2(Ch5.futex(backend, 0));
        Futex counter = Ch5.futex(backend, 0);
        Ch5.Gate gate = new Ch5.Gate(mutex, MAKE.apply(mutex, counter));
        TestThreads threads = new TestThreads(Ch5.PATIENCE_MILLIS);
        for (int i = 0; i < sleepers; i++) {
            threads.start("sleeper-" + i, gate::pass);
        }
        threads.awaitWaitCalls(counter, sleepers);
        Thread.sleep(100); // a thread still on its way into the kernel would not be requeued, and could race the chain
        long mutexWaits = mutex.word().counters().waits();
        mutex.lock();
        gate.open = true;
        mutex.unlock();
        gate.cv.signalAll(); // after the unlock: with requeue, no woken thread then needs to sleep again
        threads.joinAll("requeued waiters are still asleep on the mutex word. After a requeue the mutex word must say 2 "
                + "while a woken waiter holds the mutex, or the unlocks wake nobody: relock the way Mutex2's contended "
                + "path does (swap in 2, sleep while it is 2), even if the mutex is free");
        long requeues = counter.counters().requeues();
        long wakes = counter.counters().wakes();
        if (requeues != 1 || wakes != 0) {
            fail("signalAll() to " + sleepers + " sleepers made " + requeues + " requeue and " + wakes + " wake call(s) "
                    + Ch5.on(backend) + "; it should make one cmpRequeue call (wake 1, move the rest onto mutex.word())");
        }
        long sleptAgain = mutex.word().counters().waits() - mutexWaits;
        if (sleptAgain > 1) {
            fail(sleptAgain + " wait calls on the mutex word after the broadcast " + Ch5.on(backend) + ": the woken threads "
                    + "raced for the mutex and lost. With requeue, only one thread wakes and the rest are woken one by one");
        }
    }

    @Test
    @DisplayName("signal and signalAll with nobody waiting make no futex call")
    void quietWithoutWaiters() {
        Mutex2 mutex = new Mutex2(Ch5.futex(FutexBackend.LINUX, 0));
        Futex counter = Ch5.futex(FutexBackend.LINUX, 0);
        Ch5.Cv cv = MAKE.apply(mutex, counter);
        for (int i = 0; i < 1000; i++) {
            cv.signal();
            cv.signalAll();
        }
        if (counter.counters().total() > 0) {
            fail("signals with nobody waiting made futex calls (" + counter.counters() + "); keep 5.2's waiter count");
        }
    }

    @ParameterizedTest(name = "signalAll with the mutex held lets 4 sleepers go, counter wrapping at 0xFFFFFFFF ({0})")
    @EnumSource(FutexBackend.class)
    void signalAllWakesEveryone(FutexBackend backend) throws Exception {
        Ch5.signalAllWakesEveryone(MAKE, backend);
    }

    @ParameterizedTest(name = "a signal right after the waiter unlocks is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void signalInTheWindow(FutexBackend backend) throws Exception {
        Ch5.signalInTheWindow(MAKE, backend);
    }

    @ParameterizedTest(name = "no lost wake-up in a producer/consumer buffer, 4 threads x 3,000 items ({0})")
    @EnumSource(FutexBackend.class)
    void bufferStress(FutexBackend backend) throws Exception {
        Ch5.bufferStress(MAKE, backend);
    }
}
