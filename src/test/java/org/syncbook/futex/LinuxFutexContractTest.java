package org.syncbook.futex;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapIntWord;

/** The {@link FutexContract} on the real {@code futex(2)} system call. */
@EnabledOnOs(OS.LINUX)
class LinuxFutexContractTest extends FutexContract {
    @Override
    Futex futex(int initial) {
        return Futexes.create(initial, FutexBackend.LINUX);
    }

    @Override
    Futex sameWord(Futex f) {
        OffHeapIntWord word = (LinuxFutex) f; // a futex is a handle on its word
        OffHeapBlock block = word.block();
        // a new word object at the same offset: the kernel keys a futex by its address alone
        return Futexes.linux(block.intWord((int) (word.address() - block.address())), false);
    }

    @Override
    Futex foreign(int initial) {
        return Futexes.portable(new HeapIntWord(initial));
    }
}
