package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An {@link IntWord} that is a plain field on the Java heap. The garbage collector may move it,
 * so it has no address a kernel call could use; in exchange, model checkers (Lincheck) can follow
 * every access to it, and the portable futex back end can wait on it.
 */
public final class HeapIntWord implements IntWord {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(HeapIntWord.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through VALUE only
    private volatile int value;

    public HeapIntWord() {
    }

    public HeapIntWord(int initial) {
        VALUE.setRelease(this, initial);
    }

    @Override public int get() { return (int) VALUE.getVolatile(this); }
    @Override public int getPlain() { return (int) VALUE.get(this); }
    @Override public int getOpaque() { return (int) VALUE.getOpaque(this); }
    @Override public int getAcquire() { return (int) VALUE.getAcquire(this); }
    @Override public void set(int v) { VALUE.setVolatile(this, v); }
    @Override public void setPlain(int v) { VALUE.set(this, v); }
    @Override public void setOpaque(int v) { VALUE.setOpaque(this, v); }
    @Override public void setRelease(int v) { VALUE.setRelease(this, v); }
    @Override public boolean compareAndSet(int e, int v) { return VALUE.compareAndSet(this, e, v); }
    @Override public int compareAndExchange(int e, int v) { return (int) VALUE.compareAndExchange(this, e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return (int) VALUE.compareAndExchangeAcquire(this, e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return (int) VALUE.compareAndExchangeRelease(this, e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return VALUE.weakCompareAndSetAcquire(this, e, v); }
    @Override public int getAndSet(int v) { return (int) VALUE.getAndSet(this, v); }
    @Override public int getAndSetRelease(int v) { return (int) VALUE.getAndSetRelease(this, v); }
    @Override public int getAndAdd(int d) { return (int) VALUE.getAndAdd(this, d); }
    @Override public int getAndAddRelease(int d) { return (int) VALUE.getAndAddRelease(this, d); }

    @Override
    public String toString() {
        return "HeapIntWord[" + get() + "]";
    }
}
