package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;

/** {@link RwLock2}: writers sleep on their own wake counter. */
class RwLock2Test extends RwLockContractTest {

    @Override
    Rw create(FutexBackend backend) {
        RwLock2 lock = new RwLock2(backend);
        return Rw.of(lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock, lock.writerWake(), lock.state());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the last reader out wakes, even with nobody asleep (step 3 fixes it); readers alone never sleep")
    void lastReaderAlwaysWakes(FutexBackend backend) {
        RwLock2 lock = new RwLock2(backend);
        for (int i = 0; i < 100; i++) {
            lock.readLock();
            lock.readLock();
            lock.readUnlock();
            lock.readUnlock();
        }
        assertEquals(100, lock.writerWake().counters().wakes());
        assertEquals(0, lock.state().counters().waits());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("step 2 still wakes twice on every write unlock, even with nobody asleep (step 3 fixes it)")
    void writeUnlockAlwaysWakes(FutexBackend backend) {
        RwLock2 lock = new RwLock2(backend);
        for (int i = 0; i < 100; i++) {
            lock.writeLock();
            lock.writeUnlock();
        }
        assertEquals(100, lock.state().counters().wakes());
        assertEquals(100, lock.writerWake().counters().wakes());
        assertEquals(0, lock.state().counters().waits() + lock.writerWake().counters().waits());
    }
}
