package org.syncbook.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

/** Every {@link LongWord} operation on both kinds of word, as {@link IntWordTest} does for 32 bits. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongWordTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("heap", (Supplier<LongWord>) HeapLongWord::new),
                Arguments.of("off-heap", (Supplier<LongWord>) () -> OffHeapBlock.allocate(64).longWord(0)),
                Arguments.of("off-heap, last word of a block", (Supplier<LongWord>) () -> OffHeapBlock.allocate(24, 8).longWord(16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("a fresh word holds 0, and each kind of read returns what each kind of write stored, all 64 bits of it")
    void readsAndWrites(String kind, Supplier<LongWord> make) {
        LongWord w = make.get();
        assertEquals(0, w.get());
        w.set(0x1234_5678_9abc_def0L);
        assertEquals(0x1234_5678_9abc_def0L, w.get());
        w.setOpaque(Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, w.getOpaque());
        w.setRelease(-2);
        assertEquals(-2, w.getAcquire());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("compare-and-set and compare-and-exchange change the word only when it holds the expected value")
    void compareAndSwap(String kind, Supplier<LongWord> make) {
        LongWord w = make.get();
        assertTrue(w.compareAndSet(0, 1L << 40));
        assertFalse(w.compareAndSet(0, 6));
        assertEquals(1L << 40, w.compareAndExchange(1L << 40, 7));
        assertEquals(7, w.compareAndExchange(1L << 40, 8));
        assertEquals(7, w.get());
        assertFalse(w.compareAndSet(7L + (1L << 32), 9), "the high half takes part in the comparison");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("adds return the old value, carry into the high half and wrap around on overflow")
    void adds(String kind, Supplier<LongWord> make) {
        LongWord w = make.get();
        w.set(0xffff_ffffL);
        assertEquals(0xffff_ffffL, w.getAndAdd(1));
        assertEquals(1L << 32, w.getAndAddRelease(-1));
        assertEquals(0xffff_ffffL, w.get());
        w.set(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, w.getAndAdd(1));
        assertEquals(Long.MIN_VALUE, w.get());
    }

    @Test
    @DisplayName("a heap word and an off-heap word given the same random operations (seed 77) return the same results")
    void heapAndOffHeapAgree() {
        long seed = 77L;
        Random random = new Random(seed);
        LongWord heap = new HeapLongWord();
        LongWord offHeap = OffHeapBlock.allocate(64).longWord(8);
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            long a = random.nextInt(8) - 4;
            long b = random.nextLong();
            long r1 = apply(heap, op, a, b);
            long r2 = apply(offHeap, op, a, b);
            assertEquals(r1, r2, "seed " + seed + ", step " + step + ", operation " + op + "(" + a + ", " + b + ")");
            assertEquals(heap.get(), offHeap.get(), "seed " + seed + ", step " + step);
        }
    }

    private static long apply(LongWord w, int op, long a, long b) {
        switch (op) {
            case 0: return w.get();
            case 1: return w.getOpaque();
            case 2: return w.getAcquire();
            case 3: w.set(a); return 0;
            case 4: w.setOpaque(b); return 0;
            case 5: w.setRelease(a); return 0;
            case 6: return w.compareAndSet(a, b) ? 1 : 0;
            case 7: return w.compareAndExchange(a, b);
            case 8: return w.getAndAdd(b);
            default: return w.getAndAddRelease(a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @DisplayName("4 threads x 50 000 getAndAdd(2^32 + 1): no carry is lost and every old value is returned once")
    void concurrentAdds(String kind, Supplier<LongWord> make) throws InterruptedException {
        LongWord w = make.get();
        int threads = 4;
        int perThread = 50_000;
        long delta = (1L << 32) + 1; // both halves change on every add: a torn add would show
        long[][] seen = new long[threads][perThread];
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        seen[me][i] = me % 2 == 0 ? w.getAndAdd(delta) : w.getAndAddRelease(delta);
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
        assertEquals(threads * perThread * delta, w.get(), "additions were lost");
        Set<Long> returned = new HashSet<>();
        for (long[] values : seen) {
            for (long v : values) {
                assertEquals(0, v % delta, "an add saw a value that is no multiple of the delta: " + v);
                assertTrue(returned.add(v), "two adds returned the same old value " + v);
            }
        }
    }

    static Stream<Arguments> operations() {
        List<Arguments> ops = new ArrayList<>();
        add(ops, "get", LongWord::get);
        add(ops, "getOpaque", LongWord::getOpaque);
        add(ops, "getAcquire", LongWord::getAcquire);
        add(ops, "set", w -> w.set(1));
        add(ops, "setOpaque", w -> w.setOpaque(1));
        add(ops, "setRelease", w -> w.setRelease(1));
        add(ops, "compareAndSet", w -> w.compareAndSet(0, 1));
        add(ops, "compareAndExchange", w -> w.compareAndExchange(0, 1));
        add(ops, "getAndAdd", w -> w.getAndAdd(1));
        add(ops, "getAndAddRelease", w -> w.getAndAddRelease(1));
        add(ops, "address", OffHeapLongWord::address);
        return ops.stream();
    }

    private static void add(List<Arguments> ops, String name, Consumer<OffHeapLongWord> op) {
        ops.add(Arguments.of(name, op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    @DisplayName("after its block is closed, every operation of an off-heap long word throws IllegalStateException saying so")
    void closedBlockThrows(String name, Consumer<OffHeapLongWord> op) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapLongWord w = block.longWord(8);
        op.accept(w);
        block.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.accept(w), name + " after close");
        assertTrue(e.getMessage().contains("closed"), "the message should say the block was closed: " + e.getMessage());
    }
}
