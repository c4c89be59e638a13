package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.sys.CLibrary;
import org.syncbook.sys.Libc;
import org.syncbook.sys.Sys;
import org.syncbook.sys.Syscall;

/**
 * Chapter 1: what a trivial call costs, from a plain Java method to a real system call, through
 * each way the workbook can reach the kernel.
 *
 * <table>
 *   <caption>What each benchmark calls</caption>
 *   <tr><th>benchmark</th><th>call</th><th>enters the kernel?</th></tr>
 *   <tr><td>{@code javaCallInlined}</td><td>a static method returning a field; the JIT inlines it</td><td>no</td></tr>
 *   <tr><td>{@code javaCallNotInlined}</td><td>the same method, kept a real call</td><td>no</td></tr>
 *   <tr><td>{@code processHandlePid}</td><td>{@code ProcessHandle.current().pid()}: the JDK caches the pid</td><td>no</td></tr>
 *   <tr><td>{@code jnaDirectGetpid}</td><td>{@code getpid()} through JNA direct mapping ({@link Libc})</td><td>yes</td></tr>
 *   <tr><td>{@code jnaInterfaceGetpid}</td><td>{@code getpid()} through JNA interface mapping ({@link CLibrary})</td><td>yes</td></tr>
 *   <tr><td>{@code jnaDirectSyscall}</td><td>{@code syscall(SYS_getpid)} through {@link Libc#syscall}, errno checked</td><td>yes</td></tr>
 *   <tr><td>{@code jnaInterfaceSyscall}</td><td>{@code syscall(SYS_getpid)} through {@link CLibrary#syscall} (varargs, boxed)</td><td>yes</td></tr>
 *   <tr><td>{@code sysTid}</td><td>{@link Sys#tid()}: raw {@code gettid} through the facade, counted and errno-checked</td><td>yes</td></tr>
 * </table>
 *
 * <p>glibc has not cached the pid since 2.25: {@code getpid()} is a real system call every time,
 * so the JNA rows compare bindings around the same kernel work. Every call is checked once in
 * {@link #checkBindings()}, so no row can quietly measure an error path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@State(Scope.Thread)
public class SyscallCostBenchmark {
    /** What the plain Java method returns: not final, so the JIT must load it on every call. */
    private static int answer = 42;

    private long getpidNumber;

    @Setup
    public void checkBindings() {
        getpidNumber = Syscall.GETPID.number();
        long pid = ProcessHandle.current().pid();
        check("Libc.getpid()", Libc.getpid(), pid);
        check("CLibrary.INSTANCE.getpid()", CLibrary.INSTANCE.getpid(), pid);
        check("Libc.syscall(SYS_getpid)", Libc.syscall(getpidNumber, 0, 0, 0, 0, 0, 0), pid);
        check("CLibrary.INSTANCE.syscall(SYS_getpid)", CLibrary.INSTANCE.syscall(getpidNumber), pid);
        if (Sys.tid() <= 0) {
            throw new IllegalStateException("Sys.tid() returned " + Sys.tid());
        }
    }

    private static void check(String call, long got, long pid) {
        if (got != pid) {
            throw new IllegalStateException(call + " returned " + got + ", but the pid is " + pid);
        }
    }

    private static int plainCall() {
        return answer;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static int plainCallNotInlined() {
        return answer;
    }

    @Benchmark
    public int javaCallInlined() {
        return plainCall();
    }

    @Benchmark
    public int javaCallNotInlined() {
        return plainCallNotInlined();
    }

    @Benchmark
    public long processHandlePid() {
        return ProcessHandle.current().pid();
    }

    @Benchmark
    public int jnaDirectGetpid() {
        return Libc.getpid();
    }

    @Benchmark
    public int jnaInterfaceGetpid() {
        return CLibrary.INSTANCE.getpid();
    }

    @Benchmark
    public long jnaDirectSyscall() {
        return Libc.syscall(getpidNumber, 0, 0, 0, 0, 0, 0);
    }

    @Benchmark
    public long jnaInterfaceSyscall() {
        return CLibrary.INSTANCE.syscall(getpidNumber);
    }

    @Benchmark
    public int sysTid() {
        return Sys.tid();
    }
}
