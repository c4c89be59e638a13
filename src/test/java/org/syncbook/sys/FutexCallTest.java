package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FutexCallTest {

    @Test
    @DisplayName("the futex call goes through FFM on a JDK 22+ build and through JNA on an older one")
    void bindingFollowsTheJdk() {
        String expected = Runtime.version().feature() >= 22 ? "FFM" : "JNA direct mapping";
        assertEquals(expected, FutexCall.binding(), "binding on JDK " + Runtime.version().feature()
                + " (a JDK 22+ build compiles src/main/java22 through the ffm profile)");
    }

    @Test
    @DisplayName("a failing call returns the negated errno: EAGAIN for a wait on a changed value, EINVAL for a bad op")
    void errorsComeBackAsNegatedErrno() {
        ByteBuffer word = ByteBuffer.allocateDirect(64); // holds 0
        long address = NativeMemory.addressOf(word);
        assertEquals(-Errno.EAGAIN.code(), FutexCall.call(address, FutexCall.WAIT | FutexCall.PRIVATE, 1, 0, 0, 0),
                "FUTEX_WAIT expecting 1 on a word holding 0");
        assertEquals(-Errno.ENOSYS.code(), FutexCall.call(address, 99 | FutexCall.PRIVATE, 0, 0, 0, 0),
                "an operation the kernel does not know");
        assertEquals(0, FutexCall.call(address, FutexCall.WAKE | FutexCall.PRIVATE, 1, 0, 0, 0),
                "FUTEX_WAKE with nobody waiting wakes 0");
        java.lang.ref.Reference.reachabilityFence(word);
    }
}
