package org.syncbook.mem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OffHeapBlock}: aligned, stable addresses; words checked for range and alignment when
 * they are made; a closed block that throws instead of crashing. What every word operation does
 * after close is in {@link IntWordTest} and {@link LongWordTest}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OffHeapBlockTest {

    @Test
    @DisplayName("a block starts on a cache line (64 bytes) unless told otherwise")
    void cacheLineAlignedByDefault() {
        for (int size = 1; size <= 200; size++) {
            OffHeapBlock block = OffHeapBlock.allocate(size);
            assertEquals(0, block.address() % OffHeapBlock.CACHE_LINE,
                    "a block of " + size + " bytes at 0x" + Long.toHexString(block.address()));
            assertEquals(size, block.size());
        }
    }

    @ParameterizedTest(name = "alignment {0}")
    @ValueSource(ints = {8, 16, 32, 64, 128, 256, 4096, 65536})
    @DisplayName("a block of any size starts at a multiple of the alignment it was given")
    void givenAlignment(int alignment) {
        // malloc hands out 16-byte aligned memory, so padding must be added and skipped for every
        // size, not only for sizes that happen to be multiples of the alignment
        for (int size = 1; size <= 300; size++) {
            OffHeapBlock block = OffHeapBlock.allocate(size, alignment);
            assertEquals(0, block.address() % alignment,
                    "a block of " + size + " bytes aligned to " + alignment + " at 0x" + Long.toHexString(block.address()));
            assertEquals(size, block.size());
        }
    }

    @Test
    @DisplayName("the address is stable: the same on every call, after a GC, and words sit at address + offset")
    void stableAddresses() {
        OffHeapBlock block = OffHeapBlock.allocate(256);
        long address = block.address();
        OffHeapIntWord i = block.intWord(12);
        OffHeapLongWord l = block.longWord(40);
        System.gc(); // direct buffers never move; this only makes the claim concrete
        assertEquals(address, block.address());
        assertEquals(address + 12, i.address());
        assertEquals(address + 40, l.address());
        assertEquals(address + 12, block.intWord(12).address(), "a second word at the same offset");
        assertTrue(i.block() == block);
    }

    @Test
    @DisplayName("a word written through one handle is read through another at the same offset, and the bytes are zeroed at first")
    void wordsShareTheBytes() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        for (int offset = 0; offset < 64; offset += 4) {
            assertEquals(0, block.intWord(offset).get(), "fresh block, offset " + offset);
        }
        block.intWord(8).set(0x1234_5678);
        assertEquals(0x1234_5678, block.intWord(8).get());
        block.longWord(16).set(-1L);
        assertEquals(-1, block.intWord(16).get());
        assertEquals(-1, block.intWord(20).get());
        assertEquals(0, block.intWord(24).get(), "a long write must not spill into the next word");
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("a block needs at least one byte")
    void badSize(int size) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OffHeapBlock.allocate(size));
        assertTrue(e.getMessage().contains(String.valueOf(size)), e.getMessage());
    }

    @ParameterizedTest(name = "alignment {0}")
    @ValueSource(ints = {0, 1, 2, 4, 7, 12, 24, 100, -8, -64, Integer.MIN_VALUE})
    @DisplayName("an alignment must be a power of two of at least 8")
    void badAlignment(int alignment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OffHeapBlock.allocate(64, alignment));
        assertTrue(e.getMessage().contains("alignment"), e.getMessage());
    }

    @Test
    @DisplayName("a block too large for a direct buffer once padded for alignment is refused with a message that says so")
    void tooLarge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OffHeapBlock.allocate(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(String.valueOf(Integer.MAX_VALUE)),
                "the message should name the size asked for: " + e.getMessage());
        IllegalArgumentException padded = assertThrows(IllegalArgumentException.class,
                () -> OffHeapBlock.allocate(Integer.MAX_VALUE - 10, 64));
        assertTrue(padded.getMessage().contains(String.valueOf(Integer.MAX_VALUE - 10)),
                "the message should name the size asked for: " + padded.getMessage());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 30, 58})
    @DisplayName("an int word at an offset that is not a multiple of 4 is refused (IllegalArgumentException)")
    void misalignedIntWord(int offset) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.intWord(offset));
        assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {4, 12, 1, 20, 52})
    @DisplayName("a long word at an offset that is not a multiple of 8 is refused (IllegalArgumentException)")
    void misalignedLongWord(int offset) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.longWord(offset));
        assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-4, -1, 64, 62, 61, 68, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("an int word that does not fit in the block is refused (IndexOutOfBoundsException)")
    void intWordOutOfRange(int offset) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> block.intWord(offset));
        assertTrue(e.getMessage().contains(String.valueOf(offset)), e.getMessage());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-8, 64, 60, 57, 72, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("a long word that does not fit in the block is refused (IndexOutOfBoundsException)")
    void longWordOutOfRange(int offset) {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        assertThrows(IndexOutOfBoundsException.class, () -> block.longWord(offset));
    }

    @Test
    @DisplayName("the last word of a block fits; a block whose size is not a multiple of 4 has no word in its tail")
    void edges() {
        assertDoesNotThrow(() -> OffHeapBlock.allocate(64).intWord(60).set(1));
        assertDoesNotThrow(() -> OffHeapBlock.allocate(64).longWord(56).set(1));
        OffHeapBlock odd = OffHeapBlock.allocate(6);
        assertDoesNotThrow(() -> odd.intWord(0));
        assertThrows(IndexOutOfBoundsException.class, () -> odd.intWord(4));
        assertThrows(IndexOutOfBoundsException.class, () -> odd.longWord(0));
        assertThrows(IndexOutOfBoundsException.class, () -> OffHeapBlock.allocate(3).intWord(0));
    }

    @Test
    @DisplayName("close() is idempotent; after it, the block refuses new words and its address, with a message that says why")
    void closedBlock() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        assertFalse(block.isClosed());
        block.close();
        block.close();
        assertTrue(block.isClosed());
        for (Runnable r : new Runnable[] {block::address, () -> block.intWord(0), () -> block.longWord(0),
                () -> block.intWord(3) /* closed is said before misaligned */}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, r::run);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(64, block.size(), "the size stays readable");
        assertTrue(block.toString().contains("closed"), block.toString());
    }

    @Test
    @DisplayName("a word's address() throws after close, and toString() of a closed word does not")
    void closedWordAddress() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord i = block.intWord(0);
        OffHeapLongWord l = block.longWord(8);
        block.close();
        assertThrows(IllegalStateException.class, i::address);
        assertThrows(IllegalStateException.class, l::address);
        assertTrue(i.toString().contains("closed"), i.toString());
        assertTrue(l.toString().contains("closed"), l.toString());
    }
}
