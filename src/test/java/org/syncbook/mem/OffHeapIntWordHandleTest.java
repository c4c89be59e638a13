package org.syncbook.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Handles on a word ({@link OffHeapIntWord#OffHeapIntWord(OffHeapIntWord)}, what a futex is): the
 * same bytes as the word's own operations, the same refusal after the block is closed, and the one
 * word per offset that lets a close mark every word of the block.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OffHeapIntWordHandleTest {
    /** The smallest subclass: a handle that adds nothing. */
    private static final class Handle extends OffHeapIntWord {
        Handle(OffHeapIntWord word) {
            super(word);
        }
    }

    @Test
    @DisplayName("writes through a handle are read through the word and the other way round, for every operation")
    void sameBytesAsTheWord() {
        OffHeapIntWord w = OffHeapBlock.allocate(64).intWord(12);
        Handle h = new Handle(w);
        assertEquals(w.address(), h.address());
        h.set(5);
        assertEquals(5, w.get());
        w.set(6);
        assertEquals(6, h.get());
        assertEquals(6, h.getPlain());
        h.setPlain(7);
        assertEquals(7, h.getOpaque());
        h.setOpaque(8);
        assertEquals(8, h.getAcquire());
        h.setRelease(9);
        assertEquals(9, w.get());
        assertFalse(h.compareAndSet(0, 1));
        assertTrue(h.compareAndSet(9, 10));
        assertEquals(10, h.compareAndExchange(10, 11));
        assertEquals(11, h.compareAndExchangeAcquire(0, 12)); // fails: returns what it found
        assertEquals(11, h.compareAndExchangeRelease(11, 12));
        while (!h.weakCompareAndSetAcquire(12, 13)) {
            // may fail spuriously: retry
        }
        assertEquals(13, h.getAndSet(14));
        assertEquals(14, h.getAndSetRelease(15));
        assertEquals(15, h.getAndAdd(2));
        assertEquals(17, h.getAndAddRelease(-17));
        assertEquals(0, w.get());
        assertEquals(0, w.block().intWord(8).get(), "the neighbouring word was written");
        assertEquals(0, w.block().intWord(16).get(), "the neighbouring word was written");
    }

    @Test
    @DisplayName("after close every operation of a handle throws IllegalStateException, for a handle made before the close and after it")
    void closed() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord w = block.intWord(4);
        Handle before = new Handle(w);
        block.close();
        Handle after = new Handle(w);
        List<Consumer<OffHeapIntWord>> calls = List.of(
                x -> x.get(), x -> x.getPlain(), x -> x.getOpaque(), x -> x.getAcquire(),
                x -> x.set(1), x -> x.setPlain(1), x -> x.setOpaque(1), x -> x.setRelease(1),
                x -> x.compareAndSet(0, 1), x -> x.compareAndExchange(0, 1),
                x -> x.compareAndExchangeAcquire(0, 1), x -> x.compareAndExchangeRelease(0, 1),
                x -> x.weakCompareAndSetAcquire(0, 1), x -> x.getAndSet(1),
                x -> x.getAndSetRelease(1), x -> x.getAndAdd(1), x -> x.getAndAddRelease(1));
        for (Handle h : List.of(before, after)) {
            for (Consumer<OffHeapIntWord> call : calls) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.accept(h));
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("two words on the same bytes are equal; a handle of another class is not equal to the word")
    void equality() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord w = block.intWord(8);
        Handle h = new Handle(w);
        assertNotEquals(w, h);
        assertNotEquals(h, w);
        assertEquals(h, new Handle(w), "two handles of one class on the same bytes");
        assertEquals(new Handle(w).hashCode(), h.hashCode());
        assertNotEquals(new Handle(block.intWord(12)), h);
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
