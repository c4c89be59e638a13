package chapter01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.sys.Sys;

@Exercise(id = "1.1", title = "Process and thread ids", file = "ProcessIds.java",
        hint = "chapter 1, 'Calling C from Java': bind getpid and gettid with Native.register")
class ProcessIdsTest {
    private final IntSupplier pid = Impl.pick(() -> Sys::pid, () -> ProcessIds::pid);
    private final IntSupplier tid = Impl.pick(() -> Sys::tid, () -> ProcessIds::tid);

    /** The kernel's own answer: /proc/thread-self links to "PID/task/TID" of the reading thread. */
    private static int tidFromProc() throws IOException {
        Path link = Files.readSymbolicLink(Paths.get("/proc/thread-self"));
        return Integer.parseInt(link.getFileName().toString());
    }

    @Test
    @DisplayName("pid() is the id the JVM reports for its process")
    void pidMatchesTheJvm() {
        long expected = ProcessHandle.current().pid();
        int actual = pid.getAsInt();
        assertEquals(expected, actual, "pid() returned " + actual + " but this process is " + expected
                + ": is pid() really calling getpid()?");
    }

    @Test
    @DisplayName("tid() is the kernel's id of the calling thread, the one /proc/thread-self names")
    void tidMatchesProc() throws IOException {
        int expected = tidFromProc();
        int actual = tid.getAsInt();
        assertEquals(expected, actual, "tid() returned " + actual + " but the kernel says this thread is " + expected
                + (actual == pid.getAsInt() ? ": that is the process id, not the thread id" : ""));
    }

    @Test
    @DisplayName("two threads get different tids, and each keeps its own")
    void tidDiffersBetweenThreadsAndIsStable() throws Exception {
        AtomicInteger other = new AtomicInteger();
        AtomicInteger otherAgain = new AtomicInteger();
        Thread t = new Thread(() -> {
            other.set(tid.getAsInt());
            otherAgain.set(tid.getAsInt());
        }, "second thread");
        t.start();
        t.join();
        int mine = tid.getAsInt();
        assertNotEquals(mine, other.get(), "two threads got the same tid " + mine
                + ": a thread id must name the calling thread, so cache nothing across threads");
        assertEquals(other.get(), otherAgain.get(), "one thread got two different tids");
        assertTrue(other.get() > 0, "a tid is a positive number, got " + other.get());
    }
}
