package org.syncbook.futex;

import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapIntWord;

/** The {@link FutexContract} on the portable back end, on an off-heap word (what a learner's lock on a block uses). */
class PortableOffHeapFutexContractTest extends FutexContract {
    @Override
    Futex futex(int initial) {
        OffHeapIntWord word = OffHeapBlock.allocate(64).intWord(8);
        word.set(initial);
        return Futexes.portable(word);
    }

    @Override
    Futex sameWord(Futex f) {
        OffHeapIntWord word = (OffHeapIntWord) ((DelegatingWord) f).word;
        OffHeapBlock block = word.block();
        // a new word object for the same four bytes: the same futex, as it would be for the kernel
        return Futexes.portable(block.intWord((int) (word.address() - block.address())));
    }

    @Override
    Futex foreign(int initial) {
        return Sleepers.LINUX ? Futexes.create(initial, FutexBackend.LINUX) : null; // no other back end off Linux
    }
}
