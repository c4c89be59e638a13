package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A {@link LongWord} that is a field on the Java heap (see {@link HeapIntWord}). */
public final class HeapLongWord implements LongWord {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(HeapLongWord.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through VALUE only
    private volatile long value;

    @Override public long get() { return (long) VALUE.getVolatile(this); }
    @Override public long getOpaque() { return (long) VALUE.getOpaque(this); }
    @Override public long getAcquire() { return (long) VALUE.getAcquire(this); }
    @Override public void set(long v) { VALUE.setVolatile(this, v); }
    @Override public void setOpaque(long v) { VALUE.setOpaque(this, v); }
    @Override public void setRelease(long v) { VALUE.setRelease(this, v); }
    @Override public boolean compareAndSet(long e, long v) { return VALUE.compareAndSet(this, e, v); }
    @Override public long compareAndExchange(long e, long v) { return (long) VALUE.compareAndExchange(this, e, v); }
    @Override public long getAndAdd(long d) { return (long) VALUE.getAndAdd(this, d); }
    @Override public long getAndAddRelease(long d) { return (long) VALUE.getAndAddRelease(this, d); }

    @Override
    public String toString() {
        return "HeapLongWord[" + get() + "]";
    }
}
