package chapter04;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.ModelCheck;

/**
 * The four checks every sleeping mutex of exercises 4.1 to 4.3 must pass, on both back ends: it
 * excludes, its waiters sleep, an unlock in a waiter's window is not lost, and no wake-up is lost
 * under contention. A grader extends this class and says which mutex to build and where to look.
 */
abstract class MutexChecks {
    /** The mutex under test, on {@code word}: the learner's or the reference's ({@link org.syncbook.grading.Impl#pick}). */
    abstract ModelCheck.Mutex newMutex(Futex word);

    /** The section of the book a failure points to. */
    abstract String where();

    @ParameterizedTest(name = "4 threads x 20,000 increments of a plain counter under the lock lose none ({0})")
    @EnumSource(FutexBackend.class)
    void excludes(FutexBackend backend) throws Exception {
        Ch4.assertExcludes(newMutex(Ch4.futex(backend)), 4, 20_000, where());
    }

    @ParameterizedTest(name = "a thread waiting for a held lock sleeps in the futex, burning almost no CPU ({0})")
    @EnumSource(FutexBackend.class)
    void waiterSleeps(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Ch4.assertWaiterSleeps(word, newMutex(word), where());
    }

    @ParameterizedTest(name = "an unlock between a waiter''s last look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void unlockInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex word = Ch4.window(backend);
        Ch4.assertUnlockInTheWindowIsSeen(word, newMutex(word), where());
    }

    @ParameterizedTest(name = "no wake-up is lost: 6 threads x 1,000 lock/unlock, some holding long enough for the others to sleep ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        Futex word = Ch4.futex(backend);
        Ch4.assertNoLostWakeups(word, newMutex(word), 6, 1_000, where());
    }
}
