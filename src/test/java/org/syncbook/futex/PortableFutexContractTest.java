package org.syncbook.futex;

/** The {@link FutexContract} on the portable back end, on a heap word ({@code Futexes.create(v, PORTABLE)}). */
class PortableFutexContractTest extends FutexContract {
    @Override
    Futex futex(int initial) {
        return Futexes.create(initial, FutexBackend.PORTABLE);
    }

    @Override
    Futex sameWord(Futex f) {
        return Futexes.portable(((DelegatingWord) f).word);
    }

    @Override
    Futex foreign(int initial) {
        return Sleepers.LINUX ? Futexes.create(initial, FutexBackend.LINUX) : null; // no other back end off Linux
    }
}
