package org.syncbook.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * {@code syscall(2)} through the Foreign Function and Memory API (JEP 454, final in JDK 22):
 * a downcall handle the JIT compiles to little more than the C call itself, where JNA's direct
 * mapping adds about a quarter of a microsecond per call (measured in chapter 3). Compiled only
 * by JDK 22+ builds, from {@code src/main/java22}; {@link FutexCall} picks it up when present.
 *
 * <p>{@code errno} is captured by the linker right after the call ({@code captureCallState}),
 * into a per-thread segment: reading it later from Java would see whatever the JVM did in between.
 * Every argument is passed as a {@code long}, as glibc's {@code syscall()} reads its variadic
 * arguments; the kernel truncates the ones it declares as 32-bit.
 */
@SuppressWarnings("restricted") // downcallHandle is restricted: the JVMs that load this class run with --enable-native-access
final class FfmSyscall implements FutexCall.Binding {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    // tag::ffm[]
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(
            LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), // syscall(long number, ...)
            Linker.Option.captureCallState("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    @Override
    public long call(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
        MemorySegment state = STATE.get();
        long r;
        try {
            r = (long) SYSCALL.invokeExact(state, number, a1, a2, a3, a4, a5, a6);
        } catch (Throwable e) {
            throw new IllegalStateException("syscall(" + number + ") through FFM failed to run", e);
        }
        return r >= 0 ? r : -(int) ERRNO.get(state, 0L);
    }
    // end::ffm[]

    @Override
    public String name() {
        return "FFM";
    }
}
