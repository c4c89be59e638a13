package org.syncbook.mem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * {@link OffHeapIntWord} on JDK 22 and later: the same four bytes, reached through the Foreign
 * Function and Memory API (JEP 454) instead of a buffer view. Compiled only by JDK 22+ builds,
 * from {@code src/main/java22}; {@link OffHeapIntWord#in} picks it when present.
 *
 * <p>Why faster: all words share one segment, {@link #ALL}, which spans the whole address space
 * and sits in a static final field. To the JIT it is a constant, so the segment's own checks
 * (bounds, read-only, liveness of its arena: global, never closed) fold away, and an access costs
 * what a field access does, plus the alignment check of the address and the block's open check.
 * A segment held in an instance field, as {@code Arena.ofAuto().allocate(...)} would give, keeps
 * those checks and measured no faster than the buffer view.
 *
 * <p>Why safe: {@code ALL} checks nothing about the address, so the checks that matter are made
 * once, when the word is made ({@link OffHeapBlock#intWord}: inside the block, aligned to 4), and
 * the bytes stay allocated because this word refers to its block, which refers to its buffer.
 * Each access ends with {@link Reference#reachabilityFence} on this word, so the buffer cannot be
 * found unreachable (and freed) while an access to its address is under way.
 *
 * <p>{@link MemorySegment#reinterpret(long)} is a restricted method: run with
 * {@code --enable-native-access=ALL-UNNAMED}, as the workbook's builds, tests and notebooks do. A
 * JVM that denies native access makes this class fail to load, and blocks then fall back to
 * {@link OffHeapIntWord}.
 */
@SuppressWarnings("restricted")
final class SegmentIntWord extends OffHeapIntWord {
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** Coordinates (segment, byte offset in it): with {@code ALL}, the offset is the address. */
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();


    private SegmentIntWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        super(block, buffer, offset);
    }

    /** For {@link OffHeapIntWord#in}. */
    static final class Maker implements OffHeapIntWord.Maker {
        @Override
        public OffHeapIntWord make(OffHeapBlock block, ByteBuffer buffer, int offset) {
            return new SegmentIntWord(block, buffer, offset);
        }
    }

    // tag::access[]
    private long open() {
        checkOpen();
        return start;
    }

    @Override public int get() { int v = (int) INT.getVolatile(ALL, open()); Reference.reachabilityFence(this); return v; }
    @Override public int getPlain() { int v = (int) INT.get(ALL, open()); Reference.reachabilityFence(this); return v; }
    @Override public int getOpaque() { int v = (int) INT.getOpaque(ALL, open()); Reference.reachabilityFence(this); return v; }
    @Override public int getAcquire() { int v = (int) INT.getAcquire(ALL, open()); Reference.reachabilityFence(this); return v; }
    @Override public void set(int v) { INT.setVolatile(ALL, open(), v); Reference.reachabilityFence(this); }
    @Override public void setPlain(int v) { INT.set(ALL, open(), v); Reference.reachabilityFence(this); }
    @Override public void setOpaque(int v) { INT.setOpaque(ALL, open(), v); Reference.reachabilityFence(this); }
    @Override public void setRelease(int v) { INT.setRelease(ALL, open(), v); Reference.reachabilityFence(this); }
    @Override public boolean compareAndSet(int e, int v) { boolean r = INT.compareAndSet(ALL, open(), e, v); Reference.reachabilityFence(this); return r; }
    @Override public int compareAndExchange(int e, int v) { int r = (int) INT.compareAndExchange(ALL, open(), e, v); Reference.reachabilityFence(this); return r; }
    @Override public int compareAndExchangeAcquire(int e, int v) { int r = (int) INT.compareAndExchangeAcquire(ALL, open(), e, v); Reference.reachabilityFence(this); return r; }
    @Override public int compareAndExchangeRelease(int e, int v) { int r = (int) INT.compareAndExchangeRelease(ALL, open(), e, v); Reference.reachabilityFence(this); return r; }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { boolean r = INT.weakCompareAndSetAcquire(ALL, open(), e, v); Reference.reachabilityFence(this); return r; }
    @Override public int getAndSet(int v) { int r = (int) INT.getAndSet(ALL, open(), v); Reference.reachabilityFence(this); return r; }
    @Override public int getAndSetRelease(int v) { int r = (int) INT.getAndSetRelease(ALL, open(), v); Reference.reachabilityFence(this); return r; }
    @Override public int getAndAdd(int d) { int r = (int) INT.getAndAdd(ALL, open(), d); Reference.reachabilityFence(this); return r; }
    @Override public int getAndAddRelease(int d) { int r = (int) INT.getAndAddRelease(ALL, open(), d); Reference.reachabilityFence(this); return r; }
    // end::access[]
}
