package org.syncbook.mem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;

/**
 * {@link OffHeapIntAccess} on JDK 22 and later: the word's address, through one constant
 * all-memory {@code MemorySegment} (Foreign Function and Memory API, JEP 454). Compiled only by
 * JDK 22+ builds, from {@code src/main/java22}; {@link OffHeapIntAccess#fastest} picks it when present.
 *
 * <p>Why faster: every access goes through one segment, {@link #ALL}, which spans the whole address space
 * and sits in a static final field. To the JIT it is a constant, so the segment's own checks
 * (bounds, read-only, liveness of its arena: global, never closed) fold away, and an access costs
 * what a field access does, plus the alignment check of the address and the word's open check.
 * A segment held in an instance field, as {@code Arena.ofAuto().allocate(...)} would give, keeps
 * those checks and measured no faster than the buffer view.
 *
 * <p>Why safe: {@code ALL} checks nothing about the address, so the checks that matter are made
 * once, when the word is made ({@link OffHeapBlock#intWord}: inside the block, aligned to 4); the
 * address comes only from the word itself, never from a caller; and the bytes stay allocated
 * because the word refers to its block, which refers to its buffer. Each access ends with
 * {@link Reference#reachabilityFence} on the word, so the buffer cannot be
 * found unreachable (and freed) while an access to its address is under way.
 *
 * <p>{@link MemorySegment#reinterpret(long)} is a restricted method: run with
 * {@code --enable-native-access=ALL-UNNAMED}, as the workbook's builds, tests and notebooks do. A
 * JVM that denies native access makes this class fail to load, and {@link OffHeapIntAccess} then
 * falls back to {@link BufferIntAccess}.
 */
@SuppressWarnings("restricted")
final class SegmentIntAccess extends OffHeapIntAccess {
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** Coordinates (segment, byte offset in it): with {@code ALL}, the offset is the address. */
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    @Override int get(OffHeapIntWord w) { int v = (int) INT.getVolatile(ALL, w.openAddress()); Reference.reachabilityFence(w); return v; }
    @Override int getPlain(OffHeapIntWord w) { int v = (int) INT.get(ALL, w.openAddress()); Reference.reachabilityFence(w); return v; }
    @Override int getOpaque(OffHeapIntWord w) { int v = (int) INT.getOpaque(ALL, w.openAddress()); Reference.reachabilityFence(w); return v; }
    @Override int getAcquire(OffHeapIntWord w) { int v = (int) INT.getAcquire(ALL, w.openAddress()); Reference.reachabilityFence(w); return v; }
    @Override void set(OffHeapIntWord w, int v) { INT.setVolatile(ALL, w.openAddress(), v); Reference.reachabilityFence(w); }
    @Override void setPlain(OffHeapIntWord w, int v) { INT.set(ALL, w.openAddress(), v); Reference.reachabilityFence(w); }
    @Override void setOpaque(OffHeapIntWord w, int v) { INT.setOpaque(ALL, w.openAddress(), v); Reference.reachabilityFence(w); }
    @Override void setRelease(OffHeapIntWord w, int v) { INT.setRelease(ALL, w.openAddress(), v); Reference.reachabilityFence(w); }
    @Override boolean compareAndSet(OffHeapIntWord w, int e, int v) { boolean r = INT.compareAndSet(ALL, w.openAddress(), e, v); Reference.reachabilityFence(w); return r; }
    @Override int compareAndExchange(OffHeapIntWord w, int e, int v) { int r = (int) INT.compareAndExchange(ALL, w.openAddress(), e, v); Reference.reachabilityFence(w); return r; }
    @Override int compareAndExchangeAcquire(OffHeapIntWord w, int e, int v) { int r = (int) INT.compareAndExchangeAcquire(ALL, w.openAddress(), e, v); Reference.reachabilityFence(w); return r; }
    @Override int compareAndExchangeRelease(OffHeapIntWord w, int e, int v) { int r = (int) INT.compareAndExchangeRelease(ALL, w.openAddress(), e, v); Reference.reachabilityFence(w); return r; }
    @Override boolean weakCompareAndSetAcquire(OffHeapIntWord w, int e, int v) { boolean r = INT.weakCompareAndSetAcquire(ALL, w.openAddress(), e, v); Reference.reachabilityFence(w); return r; }
    @Override int getAndSet(OffHeapIntWord w, int v) { int r = (int) INT.getAndSet(ALL, w.openAddress(), v); Reference.reachabilityFence(w); return r; }
    @Override int getAndSetRelease(OffHeapIntWord w, int v) { int r = (int) INT.getAndSetRelease(ALL, w.openAddress(), v); Reference.reachabilityFence(w); return r; }
    @Override int getAndAdd(OffHeapIntWord w, int d) { int r = (int) INT.getAndAdd(ALL, w.openAddress(), d); Reference.reachabilityFence(w); return r; }
    @Override int getAndAddRelease(OffHeapIntWord w, int d) { int r = (int) INT.getAndAddRelease(ALL, w.openAddress(), d); Reference.reachabilityFence(w); return r; }
}
