package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.function.Function;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.grading.ModelCheck;
import org.syncbook.grading.ModelCheckFutex;

/**
 * Reader–writer locks model-checked with Lincheck: instead of running threads and hoping for a bad
 * interleaving, Lincheck runs them one shared-memory step at a time and explores the orders. A
 * lost wake-up shows up as "the test has hung" (every thread asleep) with the interleaving that
 * led there; broken exclusion as the exception a thread threw inside.
 *
 * <p>The words are {@link ModelCheckFutex}es (the grader's): heap words whose wait list lives in
 * the futex object itself. The portable back end's parking lot keeps its lists in a static table, and Lincheck
 * 3.7 resets static state between the interleavings it explores: on it, even a correct lock
 * "hangs". Scenario: 2 writers and 1 reader, one acquisition each; {@value #INVOCATIONS}
 * interleavings per check.
 */
@Timeout(value = 300, threadMode = SEPARATE_THREAD)
class RwLockModelCheckTest {
    private static final int INVOCATIONS = 1_000;

    /** The four calls under check. */
    interface Rw {
        void readLock();

        void readUnlock();

        void writeLock();

        void writeUnlock();
    }

    @Test
    @DisplayName("RwLock3: 2 writers and a reader, no lost wake-up and no overlap in 1 000 interleavings")
    void rwLock3() {
        check(words -> {
            RwLock3 l = new RwLock3(words[0], words[1]);
            return rw(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        });
    }

    @Test
    @DisplayName("RwLockReadWrite: 2 writers and a reader, no lost wake-up and no overlap in 1 000 interleavings")
    void rwLockReadWrite() {
        check(words -> {
            RwLockReadWrite l = new RwLockReadWrite(words[0], words[1]);
            return rw(l.readLock()::lock, l.readLock()::unlock, l.writeLock()::lock, l.writeLock()::unlock);
        });
    }

    @Test
    @DisplayName("BROKEN on purpose: RwLock3 whose last reader forgets to bump writerWake is caught hanging")
    void lastReaderForgetsTheBump() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(words -> {
            RwLock3 l = new RwLock3(words[0], words[1]);
            return rw(l::readLock, () -> {
                int s = words[0].getAndAdd(-2); // BROKEN: no bump of writerWake when a writer waits (s == 3)
                if (s < 2) {
                    throw new IllegalMonitorStateException();
                }
            }, l::writeLock, l::writeUnlock);
        }), "the model checker missed a lost wake-up");
        assertTrue(e.getMessage().contains("hung"), "expected a hang (lost wake-up), got:\n" + e.getMessage());
    }

    private static void check(Function<ModelCheckFutex[], Rw> newLock) {
        Lincheck.runConcurrentTest(INVOCATIONS, new Scenario(newLock));
    }

    private static Rw rw(Runnable readLock, Runnable readUnlock, Runnable writeLock, Runnable writeUnlock) {
        return new Rw() {
            @Override public void readLock() { readLock.run(); }
            @Override public void readUnlock() { readUnlock.run(); }
            @Override public void writeLock() { writeLock.run(); }
            @Override public void writeUnlock() { writeUnlock.run(); }
        };
    }

    /** One run: everything it touches is created by the run, so Lincheck sees it as the run's own. */
    private static final class Scenario implements Runnable {
        private final Function<ModelCheckFutex[], Rw> newLock;
        private Room room; // a field of an object older than the run: Lincheck treats the room as shared

        Scenario(Function<ModelCheckFutex[], Rw> newLock) {
            this.newLock = newLock;
        }

        @Override
        public void run() {
            room = new Room(newLock.apply(new ModelCheckFutex[] {new ModelCheckFutex(0), new ModelCheckFutex(0)}));
            ModelCheck.runThreads(room::write, room::write, room::read);
            if (room.failure != null) {
                throw room.failure;
            }
        }
    }

    /** Who is inside, in plain fields: only the lock under check orders them. */
    private static final class Room {
        private final Rw lock;
        private int readers;
        private int writers;
        private AssertionError failure;

        Room(Rw lock) {
            this.lock = lock;
        }

        void write() {
            lock.writeLock();
            if (writers != 0 || readers != 0) {
                failure = new AssertionError("mutual exclusion broken: a writer came in beside another holder");
            }
            writers++;
            writers--;
            lock.writeUnlock();
        }

        void read() {
            lock.readLock();
            if (writers != 0) {
                failure = new AssertionError("mutual exclusion broken: a reader came in beside a writer");
            }
            readers++;
            readers--;
            lock.readUnlock();
        }
    }
}
