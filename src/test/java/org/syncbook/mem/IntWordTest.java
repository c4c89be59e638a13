package org.syncbook.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link IntWord} operation, on every kind of word: a heap field and four bytes off-heap
 * (at the start of a block and as the last word of one). The two kinds must be indistinguishable
 * except for where they live; the last tests check what only the off-heap kind can do: be closed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntWordTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("heap", (Supplier<IntWord>) HeapIntWord::new),
                Arguments.of("off-heap", (Supplier<IntWord>) () -> OffHeapBlock.allocate(64).intWord(0)),
                Arguments.of("off-heap, last word of a block", (Supplier<IntWord>) () -> OffHeapBlock.allocate(20, 8).intWord(16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("a fresh word holds 0, and each kind of read returns what each kind of write stored")
    void readsAndWrites(String kind, Supplier<IntWord> make) {
        IntWord w = make.get();
        assertEquals(0, w.get());
        w.set(1);
        assertEquals(1, w.get());
        assertEquals(1, w.getPlain());
        w.setPlain(2);
        assertEquals(2, w.getOpaque());
        w.setOpaque(3);
        assertEquals(3, w.getAcquire());
        w.setRelease(Integer.MIN_VALUE);
        assertEquals(Integer.MIN_VALUE, w.get());
        w.set(-1);
        assertEquals(-1, w.getPlain());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("compare-and-set and the compare-and-exchanges change the word only when it holds the expected value")
    void compareAndSwap(String kind, Supplier<IntWord> make) {
        IntWord w = make.get();
        assertTrue(w.compareAndSet(0, 5));
        assertFalse(w.compareAndSet(0, 6));
        assertEquals(5, w.get());

        assertEquals(5, w.compareAndExchange(5, 7), "success returns the expected value");
        assertEquals(7, w.compareAndExchange(5, 8), "failure returns the value found");
        assertEquals(7, w.get());

        assertEquals(7, w.compareAndExchangeAcquire(7, 9));
        assertEquals(9, w.compareAndExchangeAcquire(7, 10));
        assertEquals(9, w.compareAndExchangeRelease(9, 11));
        assertEquals(11, w.compareAndExchangeRelease(9, 12));
        assertEquals(11, w.get());

        assertFalse(w.weakCompareAndSetAcquire(0, 13), "a weak CAS never succeeds on a wrong expected value");
        boolean done = false;
        for (int i = 0; i < 1000 && !done; i++) {
            done = w.weakCompareAndSetAcquire(11, 13); // may fail spuriously: retry, as its callers do
        }
        assertTrue(done, "a weak CAS failed 1000 times in a row with the right expected value");
        assertEquals(13, w.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("swaps and adds return the old value; adds wrap around on overflow, as in C")
    void swapsAndAdds(String kind, Supplier<IntWord> make) {
        IntWord w = make.get();
        assertEquals(0, w.getAndSet(4));
        assertEquals(4, w.getAndSetRelease(6));
        assertEquals(6, w.getAndAdd(10));
        assertEquals(16, w.getAndAddRelease(-20));
        assertEquals(-4, w.get());
        w.set(Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, w.getAndAdd(1));
        assertEquals(Integer.MIN_VALUE, w.get());
    }

    @Test
    @DisplayName("a heap word and an off-heap word given the same random operations (seed 20240611) return the same results")
    void heapAndOffHeapAgree() {
        long seed = 20240611L;
        Random random = new Random(seed);
        IntWord heap = new HeapIntWord();
        IntWord offHeap = OffHeapBlock.allocate(64).intWord(32);
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(17);
            int a = random.nextInt(8) - 4; // small values, so that compare-and-set succeeds often
            int b = random.nextInt();
            long r1 = apply(heap, op, a, b);
            long r2 = apply(offHeap, op, a, b);
            assertEquals(r1, r2, "seed " + seed + ", step " + step + ", operation " + op + "(" + a + ", " + b + ")");
            assertEquals(heap.get(), offHeap.get(), "seed " + seed + ", step " + step + ": the words differ after operation " + op);
        }
    }

    @Test
    @DisplayName("words use the MemorySegment access on a JDK 22+ JVM when the build compiled it (src/main/java22), else the buffer view")
    void fastestKindOfWord() {
        boolean segmentWordBuilt;
        try {
            Class.forName("org.syncbook.mem.SegmentIntAccess", false, IntWordTest.class.getClassLoader());
            segmentWordBuilt = true;
        } catch (ClassNotFoundException absent) {
            segmentWordBuilt = false;
        }
        String expected = segmentWordBuilt && Runtime.version().feature() >= 22 ? "SegmentIntAccess" : "BufferIntAccess";
        assertEquals(expected, OffHeapIntAccess.fastest().getClass().getSimpleName(),
                "the words of this JVM (" + Runtime.version() + ") do not use the fastest access it can run");
    }

    /** Operation number {@code op} on {@code w}; the result of a void operation is 0, of a boolean one 0 or 1. */
    private static long apply(IntWord w, int op, int a, int b) {
        switch (op) {
            case 0: return w.get();
            case 1: return w.getPlain();
            case 2: return w.getOpaque();
            case 3: return w.getAcquire();
            case 4: w.set(a); return 0;
            case 5: w.setPlain(b); return 0;
            case 6: w.setOpaque(a); return 0;
            case 7: w.setRelease(a); return 0;
            case 8: return w.compareAndSet(a, b) ? 1 : 0;
            case 9: return w.compareAndExchange(a, b);
            case 10: return w.compareAndExchangeAcquire(a, b);
            case 11: return w.compareAndExchangeRelease(a, b);
            case 12: { // weak CAS may fail spuriously: compare what a retry loop ends with
                int before = w.get();
                if (before != a) {
                    return w.weakCompareAndSetAcquire(a, b) ? 99 : 0;
                }
                while (!w.weakCompareAndSetAcquire(a, b)) {
                    Thread.onSpinWait();
                }
                return 1;
            }
            case 13: return w.getAndSet(a);
            case 14: return w.getAndSetRelease(b);
            case 15: return w.getAndAdd(b);
            default: return w.getAndAddRelease(a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("4 threads x 50 000 getAndAdd(1): the sum is exact and every old value is returned exactly once")
    void concurrentAdds(String kind, Supplier<IntWord> make) throws InterruptedException {
        IntWord w = make.get();
        int threads = 4;
        int perThread = 50_000;
        int[][] seen = new int[threads][perThread];
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // half the threads use the release flavour: atomicity must not depend on ordering
                        seen[me][i] = me % 2 == 0 ? w.getAndAdd(1) : w.getAndAddRelease(1);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "adder-" + t);
            thread.setDaemon(true);
            all.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread t : all) {
            t.join(30_000);
            assertFalse(t.isAlive(), t.getName() + " did not finish in 30 s");
        }
        if (failure.get() != null) {
            throw new AssertionError("an adder failed", failure.get());
        }
        assertEquals(threads * perThread, w.get(), "increments were lost");
        BitSet returned = new BitSet(threads * perThread);
        for (int[] values : seen) {
            for (int v : values) {
                assertFalse(returned.get(v), "two adds returned the same old value " + v);
                returned.set(v);
            }
        }
        assertEquals(threads * perThread, returned.cardinality());
    }

    static Stream<Arguments> operations() {
        List<Arguments> ops = new ArrayList<>();
        add(ops, "get", IntWord::get);
        add(ops, "getPlain", IntWord::getPlain);
        add(ops, "getOpaque", IntWord::getOpaque);
        add(ops, "getAcquire", IntWord::getAcquire);
        add(ops, "set", w -> w.set(1));
        add(ops, "setPlain", w -> w.setPlain(1));
        add(ops, "setOpaque", w -> w.setOpaque(1));
        add(ops, "setRelease", w -> w.setRelease(1));
        add(ops, "compareAndSet", w -> w.compareAndSet(0, 1));
        add(ops, "compareAndExchange", w -> w.compareAndExchange(0, 1));
        add(ops, "compareAndExchangeAcquire", w -> w.compareAndExchangeAcquire(0, 1));
        add(ops, "compareAndExchangeRelease", w -> w.compareAndExchangeRelease(0, 1));
        add(ops, "weakCompareAndSetAcquire", w -> w.weakCompareAndSetAcquire(0, 1));
        add(ops, "getAndSet", w -> w.getAndSet(1));
        add(ops, "getAndSetRelease", w -> w.getAndSetRelease(1));
        add(ops, "getAndAdd", w -> w.getAndAdd(1));
        add(ops, "getAndAddRelease", w -> w.getAndAddRelease(1));
        add(ops, "address", OffHeapIntWord::address);
        return ops.stream();
    }

    private static void add(List<Arguments> ops, String name, Consumer<OffHeapIntWord> op) {
        ops.add(Arguments.of(name, op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    @DisplayName("after its block is closed, every operation of an off-heap word throws IllegalStateException saying so")
    void closedBlockThrows(String name, Consumer<OffHeapIntWord> op) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord w = block.intWord(4);
        w.set(42);
        op.accept(w); // works while open
        block.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.accept(w), name + " after close");
        assertTrue(e.getMessage().contains("closed"), "the message should say the block was closed: " + e.getMessage());
    }
}
