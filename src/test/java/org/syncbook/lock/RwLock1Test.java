package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;

/**
 * {@link RwLock1}: one word, readers counted, writer marked.
 *
 * <p>Not tested here, on purpose: that readers starve {@code RwLock1}'s writer. With readers
 * whose holds overlap, the count never drops to 0 and the writer never gets in; but whether the
 * holds overlap depends on the scheduler, so a test asserting it would be flaky. It is shown, off
 * by default, in {@link RwLock3Test#readersStarveRwLock1Demo}.
 */
class RwLock1Test extends RwLockContractTest {

    @Override
    Rw create(FutexBackend backend) {
        RwLock1 lock = new RwLock1(backend);
        return Rw.of(lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock, lock.state(), lock.state());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the last reader out wakes, even with nobody asleep (step 3 fixes it); readers alone never sleep")
    void lastReaderAlwaysWakes(FutexBackend backend) {
        RwLock1 lock = new RwLock1(backend);
        for (int i = 0; i < 100; i++) {
            lock.readLock();
            lock.readLock();
            lock.readUnlock();
            lock.readUnlock();
        }
        assertEquals(100, lock.state().counters().wakes());
        assertEquals(0, lock.state().counters().waits());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("step 1 wakes on every write unlock, even with nobody asleep (step 3 fixes it)")
    void writeUnlockAlwaysWakes(FutexBackend backend) {
        RwLock1 lock = new RwLock1(backend);
        for (int i = 0; i < 100; i++) {
            lock.writeLock();
            lock.writeUnlock();
        }
        assertEquals(0, lock.state().counters().waits());
        assertEquals(100, lock.state().counters().wakes());
    }
}
