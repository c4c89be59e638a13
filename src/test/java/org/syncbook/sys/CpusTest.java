package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.BitSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Cpus}: affinity of the calling thread. Every test that pins runs in a thread of its own and
 * gives that thread its original CPUs back, so no thread of the test JVM is left pinned.
 */
class CpusTest {

    /** Runs {@code body} in a fresh daemon thread, restores that thread's affinity, and returns or rethrows. */
    private static <T> T inFreshThread(Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            BitSet original = Cpus.allowed();
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Cpus.allow(original);
            }
        }, "pinned");
        t.setDaemon(true);
        t.start();
        t.join(10_000);
        assertFalse(t.isAlive(), "the pinned thread did not finish within 10 s");
        Throwable e = failure.get();
        if (e instanceof Exception) {
            throw (Exception) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return result.get();
    }

    @Test
    @DisplayName("a thread may run on at least one CPU, and the one it runs on is among them")
    void allowedIsNotEmpty() {
        BitSet allowed = Cpus.allowed();
        assertFalse(allowed.isEmpty(), "no CPU allowed");
        int now = Cpus.current();
        assertTrue(allowed.get(now), "running on CPU " + now + ", which is not among the allowed " + allowed);
    }

    @Test
    @DisplayName("a thread pinned to an allowed CPU runs on that CPU, and only that CPU is allowed")
    void pinnedThreadRunsThere() throws Exception {
        BitSet allowed = Cpus.allowed();
        int target = allowed.length() - 1; // the highest allowed CPU: not where a thread lands by default
        int[] seen = inFreshThread(() -> {
            Cpus.pinCurrentThread(target);
            Thread.sleep(1); // let the scheduler move us if it has not yet
            return new int[] {Cpus.current(), Cpus.allowed().cardinality(), Cpus.allowed().nextSetBit(0)};
        });
        assertEquals(target, seen[0], "current() after pinning to CPU " + target);
        assertEquals(1, seen[1], "number of allowed CPUs after pinning to one");
        assertEquals(target, seen[2], "the one allowed CPU after pinning");
    }

    @Test
    @DisplayName("a pinned thread still sees every CPU of the process through allowedForProcess()")
    void processCpusIgnoreTheCallersPin() throws Exception {
        BitSet process = Cpus.allowedForProcess();
        BitSet seenPinned = inFreshThread(() -> {
            Cpus.pinCurrentThread(process.nextSetBit(0));
            return Cpus.allowedForProcess();
        });
        assertEquals(process, seenPinned, "allowedForProcess() from a thread pinned to one CPU");
    }

    @Test
    @DisplayName("pinning affects the calling thread only, and allow() gives the CPUs back")
    void pinningIsPerThread() throws Exception {
        BitSet mine = Cpus.allowed();
        BitSet restored = inFreshThread(() -> {
            BitSet original = Cpus.allowed();
            Cpus.pinCurrentThread(original.nextSetBit(0));
            Cpus.allow(original);
            return Cpus.allowed();
        });
        assertEquals(mine, Cpus.allowed(), "pinning another thread changed this thread's CPUs");
        assertEquals(mine, restored, "allow(original) did not give the pinned thread its CPUs back");
    }

    @Test
    @DisplayName("a negative CPU number is refused with IllegalArgumentException")
    void negativeCpu() {
        assertThrows(IllegalArgumentException.class, () -> inFreshThread(() -> {
            Cpus.pinCurrentThread(-1);
            return null;
        }));
    }

    @Test
    @DisplayName("an empty CPU set is refused with IllegalArgumentException")
    void emptySet() {
        assertThrows(IllegalArgumentException.class, () -> inFreshThread(() -> {
            Cpus.allow(new BitSet());
            return null;
        }));
    }

    @Test
    @DisplayName("a CPU beyond the 1024 a cpu_set_t holds is refused before the call")
    void cpuBeyondTheMask() {
        assertThrows(IllegalArgumentException.class, () -> inFreshThread(() -> {
            Cpus.pinCurrentThread(1024);
            return null;
        }));
    }

    @Test
    @DisplayName("pinning to a CPU that does not exist (1000) fails with EINVAL from sched_setaffinity")
    void cpuThatDoesNotExist() throws Exception {
        int cpus = Cpus.allowed().length();
        assumeTrue(cpus <= 1000, "this machine has CPU 1000");
        ErrnoException e = assertThrows(ErrnoException.class, () -> inFreshThread(() -> {
            Cpus.pinCurrentThread(1000);
            return null;
        }));
        assertTrue(e.is(Errno.EINVAL), "expected EINVAL, got " + e.getMessage());
        assertTrue(e.call().startsWith("sched_setaffinity"), "the failing call should be named: " + e.getMessage());
    }
}
