package org.syncbook.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link OffHeapIntAccess}: by the address a holder keeps, the same bytes as the word's own
 * operations, and the same refusal after the block is closed; and the one word per offset that
 * lets a close mark every word of the block.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OffHeapIntAccessTest {
    private static final OffHeapIntAccess INTS = OffHeapIntAccess.fastest();

    @Test
    @DisplayName("writes by address are read through the word and the other way round, for every operation")
    void sameBytesAsTheWord() {
        OffHeapIntWord w = OffHeapBlock.allocate(64).intWord(12);
        long a = OffHeapIntAccess.addressOf(w);
        assertEquals(w.address(), a);
        INTS.set(w, a, 5);
        assertEquals(5, w.get());
        w.set(6);
        assertEquals(6, INTS.get(w, a));
        assertEquals(6, INTS.getPlain(w, a));
        INTS.setPlain(w, a, 7);
        assertEquals(7, INTS.getOpaque(w, a));
        INTS.setOpaque(w, a, 8);
        assertEquals(8, INTS.getAcquire(w, a));
        INTS.setRelease(w, a, 9);
        assertEquals(9, w.get());
        assertFalse(INTS.compareAndSet(w, a, 0, 1));
        assertTrue(INTS.compareAndSet(w, a, 9, 10));
        assertEquals(10, INTS.compareAndExchange(w, a, 10, 11));
        assertEquals(11, INTS.compareAndExchangeAcquire(w, a, 0, 12)); // fails: returns what it found
        assertEquals(11, INTS.compareAndExchangeRelease(w, a, 11, 12));
        while (!INTS.weakCompareAndSetAcquire(w, a, 12, 13)) {
            // may fail spuriously: retry
        }
        assertEquals(13, INTS.getAndSet(w, a, 14));
        assertEquals(14, INTS.getAndSetRelease(w, a, 15));
        assertEquals(15, INTS.getAndAdd(w, a, 2));
        assertEquals(17, INTS.getAndAddRelease(w, a, -17));
        assertEquals(0, w.get());
        assertEquals(0, w.block().intWord(8).get(), "the neighbouring word was written");
    }

    @Test
    @DisplayName("an address that is not the word's own never reaches memory: it is refused, or the word's own is used")
    void wrongAddress() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord w = block.intWord(0);
        OffHeapIntWord neighbour = block.intWord(4);
        long elsewhere = OffHeapIntAccess.addressOf(neighbour);
        try {
            INTS.set(w, elsewhere, 5);
            assertEquals(5, w.get(), "accepted, so the word's own address must have been used");
        } catch (IllegalArgumentException refused) {
            assertEquals(0, w.get());
        }
        assertEquals(0, neighbour.get(), "a write by a wrong address reached the memory at that address");
    }

    @Test
    @DisplayName("after close every operation by address throws IllegalStateException, also for a word made before the close")
    void closed() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord w = block.intWord(4);
        long a = OffHeapIntAccess.addressOf(w);
        block.close();
        assertEquals(a, OffHeapIntAccess.addressOf(w), "the kept address does not change (nor throw) on close");
        List<Consumer<OffHeapIntWord>> calls = List.of(
                x -> INTS.get(x, a), x -> INTS.getPlain(x, a), x -> INTS.getOpaque(x, a), x -> INTS.getAcquire(x, a),
                x -> INTS.set(x, a, 1), x -> INTS.setPlain(x, a, 1), x -> INTS.setOpaque(x, a, 1), x -> INTS.setRelease(x, a, 1),
                x -> INTS.compareAndSet(x, a, 0, 1), x -> INTS.compareAndExchange(x, a, 0, 1),
                x -> INTS.compareAndExchangeAcquire(x, a, 0, 1), x -> INTS.compareAndExchangeRelease(x, a, 0, 1),
                x -> INTS.weakCompareAndSetAcquire(x, a, 0, 1), x -> INTS.getAndSet(x, a, 1),
                x -> INTS.getAndSetRelease(x, a, 1), x -> INTS.getAndAdd(x, a, 1), x -> INTS.getAndAddRelease(x, a, 1));
        for (Consumer<OffHeapIntWord> call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.accept(w));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a block hands out one word object per offset, so its close reaches every word it made")
    void oneWordPerOffset() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord first = block.intWord(8);
        assertSame(first, block.intWord(8));
        OffHeapIntWord other = block.intWord(12);
        block.close();
        assertThrows(IllegalStateException.class, first::get);
        assertThrows(IllegalStateException.class, other::get);
        assertThrows(IllegalStateException.class, () -> block.intWord(16), "a closed block makes no new word");
    }
}
