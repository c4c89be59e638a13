package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SyscallCounter}: a recording counts the calls made through {@link Sys} after it started.
 * Counts are process-wide, so where another thread could add calls of the same kind the tests say
 * "at least".
 */
class SyscallCounterTest {

    @Test
    @DisplayName("three yields are counted as (at least) three sched_yield calls, and toString names them")
    void countsYields() {
        SyscallCounter.Recording calls = SyscallCounter.start();
        Sys.yieldCpu();
        Sys.yieldCpu();
        Sys.yieldCpu();
        assertTrue(calls.count(Syscall.SCHED_YIELD) >= 3, "count(SCHED_YIELD) = " + calls.count(Syscall.SCHED_YIELD));
        assertTrue(calls.total() >= 3, "total() = " + calls.total());
        assertTrue(calls.toString().contains("sched_yield="), "toString() = " + calls);
    }

    @Test
    @DisplayName("a recording counts only the calls made after it started")
    void countsFromTheStart() {
        Sys.syscall(Syscall.TGKILL, Sys.pid(), Sys.tid(), 0);
        SyscallCounter.Recording calls = SyscallCounter.start();
        assertEquals(0, calls.count(Syscall.TGKILL), "a call made before the recording started was counted");
        Sys.syscall(Syscall.TGKILL, Sys.pid(), Sys.tid(), 0);
        Sys.syscall(Syscall.TGKILL, Sys.pid(), Sys.tid(), 0);
        assertEquals(2, calls.count(Syscall.TGKILL));
        assertTrue(calls.toString().contains("tgkill=2"), "toString() = " + calls);
    }

    @Test
    @DisplayName("each kind of call is counted under its own name: pid() and tid() count getpid and gettid")
    void countsByKind() {
        SyscallCounter.Recording calls = SyscallCounter.start();
        Sys.pid();
        Sys.tid();
        Sys.tid();
        assertTrue(calls.count(Syscall.GETPID) >= 1, "count(GETPID) = " + calls.count(Syscall.GETPID));
        assertTrue(calls.count(Syscall.GETTID) >= 2, "count(GETTID) = " + calls.count(Syscall.GETTID));
    }

    @Test
    @DisplayName("a call that fails still entered the kernel, so it is counted")
    void failedCallsAreCounted() {
        SyscallCounter.Recording calls = SyscallCounter.start();
        assertThrows(ErrnoException.class, () -> Sys.syscall(Syscall.TGKILL, -1, -1, 0));
        assertEquals(1, calls.count(Syscall.TGKILL));
    }

    @Test
    @DisplayName("total(call) grows with every call and never goes back")
    void totalGrows() {
        long before = SyscallCounter.total(Syscall.SCHED_YIELD);
        Sys.yieldCpu();
        assertTrue(SyscallCounter.total(Syscall.SCHED_YIELD) > before);
    }

    @Test
    @DisplayName("a recording with no calls of any kind says 'no system calls'")
    void emptyRecordingText() {
        // Counts are process-wide; this reads a recording at once, before anything can have made a call.
        SyscallCounter.Recording calls = SyscallCounter.start();
        String text = calls.toString();
        assumeTrue(calls.total() == 0, "another thread made a call meanwhile: " + text);
        assertEquals("no system calls", text);
    }
}
