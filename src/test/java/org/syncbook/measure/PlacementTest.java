package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.sys.Cpus;

/** {@link Placement}: where the two threads of an experiment run, and how the book writes it. */
class PlacementTest {

    /** The CPUs a fresh thread is allowed after {@code placement.pin(role)}; the thread ends right after. */
    private static BitSet allowedAfterPin(Placement placement, int role) throws Exception {
        AtomicReference<BitSet> allowed = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            BitSet original = Cpus.allowed();
            try {
                placement.pin(role);
                allowed.set(Cpus.allowed());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Cpus.allow(original);
            }
        }, placement + "-" + role);
        t.setDaemon(true);
        t.start();
        t.join(10_000);
        assertFalse(t.isAlive(), "pinning did not finish within 10 s");
        if (failure.get() != null) {
            throw new AssertionError(placement + ".pin(" + role + ") failed: " + failure.get(), failure.get());
        }
        return allowed.get();
    }

    private static BitSet only(int cpu) {
        BitSet set = new BitSet();
        set.set(cpu);
        return set;
    }

    @Test
    @DisplayName("labels are the words the book's tables use")
    void labels() {
        assertEquals("same CPU", Placement.SAME_CPU.label());
        assertEquals("two CPUs", Placement.TWO_CPUS.label());
        assertEquals("unpinned", Placement.UNPINNED.label());
    }

    @Test
    @DisplayName("TWO_CPUS puts the waiter and the waker on two different allowed CPUs")
    void twoCpus() throws Exception {
        BitSet allowed = Cpus.allowed();
        assumeTrue(allowed.cardinality() >= 2, "this process may use only one CPU: " + allowed);
        int first = allowed.nextSetBit(0);
        int second = allowed.nextSetBit(first + 1);
        assertEquals(only(first), allowedAfterPin(Placement.TWO_CPUS, 0), "the waiter's CPUs");
        assertEquals(only(second), allowedAfterPin(Placement.TWO_CPUS, 1), "the waker's CPUs");
    }

    @Test
    @DisplayName("SAME_CPU puts both threads on the same allowed CPU")
    void sameCpu() throws Exception {
        int first = Cpus.allowed().nextSetBit(0);
        assertEquals(only(first), allowedAfterPin(Placement.SAME_CPU, 0), "the waiter's CPUs");
        assertEquals(only(first), allowedAfterPin(Placement.SAME_CPU, 1), "the waker's CPUs");
    }

    @Test
    @DisplayName("UNPINNED leaves a thread's CPUs as they were")
    void unpinned() throws Exception {
        BitSet allowed = Cpus.allowed();
        assertEquals(allowed, allowedAfterPin(Placement.UNPINNED, 0));
        assertEquals(allowed, allowedAfterPin(Placement.UNPINNED, 1));
    }
}
