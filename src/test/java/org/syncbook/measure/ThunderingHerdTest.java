package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.measure.ThunderingHerd.Broadcast;

/** The experiment runs its rounds to the end on both back ends and counts something sensible; it asserts no size of the herd (that is what it measures). */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class ThunderingHerdTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("5 rounds of 4 waiters, both broadcasts: every round ends, counts are >= 0")
    void runs(FutexBackend backend) throws Exception {
        for (Broadcast how : Broadcast.values()) {
            double slept = ThunderingHerd.sleptAgain(how, 4, 5, backend, 1_000);
            assertTrue(slept >= 0 && slept < 100, how + ": " + slept);
        }
    }

    @Test
    @DisplayName("no waiters or a negative critical section is refused")
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ThunderingHerd(Broadcast.REQUEUE, 0, FutexBackend.PORTABLE, 0));
        assertThrows(IllegalArgumentException.class, () -> new ThunderingHerd(Broadcast.REQUEUE, 1, FutexBackend.PORTABLE, -1));
    }
}
