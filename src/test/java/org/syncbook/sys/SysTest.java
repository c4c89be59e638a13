package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Sys}: process and thread ids, raw system calls, and what a failing call looks like. */
class SysTest {

    /** The kernel's id of the calling thread, read from {@code /proc/thread-self -> <pid>/task/<tid>}. */
    private static int tidFromProc() throws IOException {
        Path link = Files.readSymbolicLink(Paths.get("/proc/thread-self"));
        return Integer.parseInt(link.getFileName().toString());
    }

    @Test
    @DisplayName("pid() is the process id the JVM knows")
    void pidIsTheProcessId() {
        assertEquals(ProcessHandle.current().pid(), Sys.pid());
    }

    @Test
    @DisplayName("tid() is the kernel's id of the calling thread, the one /proc/thread-self names")
    void tidIsTheKernelThreadId() throws IOException {
        assertEquals(tidFromProc(), Sys.tid());
    }

    @Test
    @DisplayName("two threads have different tids, each the one /proc/thread-self names for it")
    void tidDiffersBetweenThreads() throws Exception {
        AtomicInteger otherTid = new AtomicInteger();
        AtomicInteger otherProc = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                otherTid.set(Sys.tid());
                otherProc.set(tidFromProc());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "other");
        other.setDaemon(true);
        other.start();
        other.join(10_000);
        assertFalse(other.isAlive(), "the other thread did not finish within 10 s");
        if (failure.get() != null) {
            throw new AssertionError("the other thread failed: " + failure.get(), failure.get());
        }
        assertEquals(otherProc.get(), otherTid.get(), "tid() in the other thread");
        assertNotEquals(Sys.tid(), otherTid.get(), "two live threads reported the same tid");
    }

    @Test
    @DisplayName("syscall(GETPID) returns what getpid returns")
    void rawGetpid() {
        assertEquals(Sys.pid(), Sys.syscall(Syscall.GETPID));
    }

    @Test
    @DisplayName("a system call with more than six arguments is refused before it is made")
    void moreThanSixArguments() {
        SyscallCounter.Recording calls = SyscallCounter.start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sys.syscall(Syscall.GETPID, 1, 2, 3, 4, 5, 6, 7));
        assertTrue(e.getMessage().contains("7"), "the message should say how many arguments were given: " + e.getMessage());
        assertEquals(0, calls.count(Syscall.GETPID), "the refused call was made anyway");
    }

    @Test
    @DisplayName("six arguments are allowed; the unused ones do not matter to a call that takes none")
    void sixArguments() {
        assertEquals(Sys.pid(), Sys.syscall(Syscall.GETPID, 1, 2, 3, 4, 5, 6));
    }

    @Test
    @DisplayName("a failing raw call throws ErrnoException naming the call, its arguments and the error")
    void failingRawCall() {
        // tgkill(-1, -1, 0): no process or thread has id -1, so the kernel says EINVAL.
        ErrnoException e = assertThrows(ErrnoException.class, () -> Sys.syscall(Syscall.TGKILL, -1, -1, 0));
        assertTrue(e.is(Errno.EINVAL), "expected EINVAL, got " + e.getMessage());
        assertEquals("tgkill(-1, -1, 0)", e.call());
        assertTrue(e.getMessage().startsWith("tgkill(-1, -1, 0) failed: EINVAL ("), e.getMessage());
    }

    @Test
    @DisplayName("a raw call that succeeds returns its result: tgkill with signal 0 to this thread")
    void succeedingRawCall() {
        assertEquals(0, Sys.syscall(Syscall.TGKILL, Sys.pid(), Sys.tid(), 0));
    }

    @Test
    @DisplayName("close(-1) fails with EBADF, and the message says so")
    void closeBadDescriptor() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> Sys.close(-1));
        assertTrue(e.is(Errno.EBADF), "expected EBADF, got " + e.getMessage());
        assertEquals("close(-1)", e.call());
        assertEquals("close(-1) failed: EBADF (" + Errno.EBADF.description() + ")", e.getMessage());
    }
}
