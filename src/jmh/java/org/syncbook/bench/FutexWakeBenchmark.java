package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.futex.LinuxFutex;
import org.syncbook.futex.WaitResult;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.sys.CLibrary;
import org.syncbook.sys.FutexCall;
import org.syncbook.sys.Libc;
import org.syncbook.sys.Syscall;

/**
 * Chapter 3: the cheapest futex calls, the ones that never sleep, through each layer between Java
 * and the kernel. This is where a futex round trip's overhead over C shows: the C baseline
 * ({@code docs/results/c/futex_pingpong.c}) times the same {@code FUTEX_WAKE} with nobody waiting.
 *
 * <table>
 *   <caption>What each benchmark calls</caption>
 *   <tr><th>benchmark</th><th>call</th></tr>
 *   <tr><td>{@code wakePrivate}</td><td>{@link Futex#wake(int)} on a private {@link LinuxFutex}: the library's path (counters, liveness check, JNA direct)</td></tr>
 *   <tr><td>{@code wakeShared}</td><td>the same on a shared futex ({@code FUTEX_WAKE} without {@code FUTEX_PRIVATE_FLAG})</td></tr>
 *   <tr><td>{@code futexCallWake}</td><td>{@link FutexCall#call}: JNA direct mapping of {@code syscall()}, errno read, no futex object</td></tr>
 *   <tr><td>{@code libcSyscallWake}</td><td>{@link Libc#syscall}: JNA direct mapping with {@code LastErrorException}</td></tr>
 *   <tr><td>{@code interfaceSyscallWake}</td><td>{@link CLibrary#syscall}: JNA interface mapping, varargs</td></tr>
 *   <tr><td>{@code waitValueChanged}</td><td>{@link Futex#await(int)} expecting a value the word does not hold: {@code EAGAIN} at once</td></tr>
 *   <tr><td>{@code portableWake}</td><td>{@link Futex#wake(int)} on the portable back end: a bucket lock in Java, no kernel</td></tr>
 * </table>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@State(Scope.Thread)
public class FutexWakeBenchmark {
    private Futex linuxPrivate;
    private Futex linuxShared;
    private Futex portable;
    private long address;
    private long futexNumber;

    @Setup
    public void create() {
        linuxPrivate = Futexes.create(0, FutexBackend.LINUX);
        linuxShared = Futexes.linux(OffHeapBlock.allocate(OffHeapBlock.CACHE_LINE).intWord(0), true);
        portable = Futexes.create(0, FutexBackend.PORTABLE);
        address = ((LinuxFutex) linuxPrivate).address();
        futexNumber = Syscall.FUTEX.number();
        // every path must really make the call it names, and succeed: nobody to wake, so 0
        check("wakePrivate", wakePrivate());
        check("wakeShared", wakeShared());
        check("futexCallWake", futexCallWake());
        check("libcSyscallWake", libcSyscallWake());
        check("interfaceSyscallWake", interfaceSyscallWake());
        check("portableWake", portableWake());
        if (waitValueChanged() != WaitResult.VALUE_CHANGED) {
            throw new IllegalStateException("await(1) on a word holding 0 should return VALUE_CHANGED");
        }
    }

    private static void check(String what, long result) {
        if (result != 0) {
            throw new IllegalStateException(what + " returned " + result + ", expected 0 (nobody woken)");
        }
    }

    @Benchmark
    public int wakePrivate() {
        return linuxPrivate.wake(1);
    }

    @Benchmark
    public int wakeShared() {
        return linuxShared.wake(1);
    }

    @Benchmark
    public long futexCallWake() {
        return FutexCall.call(address, FutexCall.WAKE | FutexCall.PRIVATE, 1, 0, 0, 0);
    }

    @Benchmark
    public long libcSyscallWake() {
        return Libc.syscall(futexNumber, address, FutexCall.WAKE | FutexCall.PRIVATE, 1, 0, 0, 0);
    }

    @Benchmark
    public long interfaceSyscallWake() {
        return CLibrary.INSTANCE.syscall(futexNumber, address, FutexCall.WAKE | FutexCall.PRIVATE, 1, 0L, 0L, 0);
    }

    @Benchmark
    public WaitResult waitValueChanged() {
        return linuxPrivate.await(1);
    }

    @Benchmark
    public int portableWake() {
        return portable.wake(1);
    }
}
