package org.syncbook.futex;

import org.syncbook.mem.IntWord;

/**
 * The atomic operations of a futex are those of its word: the portable back end passes them
 * straight through. ({@code LinuxFutex} is a handle on its word's bytes instead, see
 * {@code OffHeapIntWord}, and only shares {@link #checkCount}.)
 */
abstract class DelegatingWord implements IntWord {
    final IntWord word;

    DelegatingWord(IntWord word) {
        this.word = word;
    }

    @Override public int get() { return word.get(); }
    @Override public int getPlain() { return word.getPlain(); }
    @Override public int getOpaque() { return word.getOpaque(); }
    @Override public int getAcquire() { return word.getAcquire(); }
    @Override public void set(int v) { word.set(v); }
    @Override public void setPlain(int v) { word.setPlain(v); }
    @Override public void setOpaque(int v) { word.setOpaque(v); }
    @Override public void setRelease(int v) { word.setRelease(v); }
    @Override public boolean compareAndSet(int e, int v) { return word.compareAndSet(e, v); }
    @Override public int compareAndExchange(int e, int v) { return word.compareAndExchange(e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return word.compareAndExchangeAcquire(e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return word.compareAndExchangeRelease(e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return word.weakCompareAndSetAcquire(e, v); }
    @Override public int getAndSet(int v) { return word.getAndSet(v); }
    @Override public int getAndSetRelease(int v) { return word.getAndSetRelease(v); }
    @Override public int getAndAdd(int d) { return word.getAndAdd(d); }
    @Override public int getAndAddRelease(int d) { return word.getAndAddRelease(d); }

    /** Both back ends refuse a negative thread count to wake or requeue, before doing anything. */
    static void checkCount(int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot " + what + " a negative number of threads: " + count);
        }
    }
}
