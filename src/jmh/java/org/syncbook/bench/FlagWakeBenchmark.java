package org.syncbook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Clocks;
import org.syncbook.sys.Cpus;
import org.syncbook.sys.Flag;
import org.syncbook.sys.ParkFlag;
import org.syncbook.sys.PoliteSpinFlag;
import org.syncbook.sys.SpinFlag;
import org.syncbook.sys.YieldFlag;

/**
 * Chapter 1: the round trip of a wake-up through each of the four {@link Flag}s, with both threads
 * pinned as {@link Placement} says.
 *
 * <p>One operation is one round trip between two threads (see {@link Rally}):
 * <ol>
 *   <li>the <b>waker</b>, JMH's benchmark thread, raises flag {@code go[r]}, then waits for {@code back[r]};</li>
 *   <li>the <b>waiter</b>, a daemon thread of the benchmark's own, waits for {@code go[r]}, then raises {@code back[r]}.</li>
 * </ol>
 * A round trip therefore holds two wake-ups of the same kind, one in each direction.
 *
 * <p>Besides the round trip, JMH prints two secondary results, {@code roundTrip:wakerCpu} and
 * {@code roundTrip:waiterCpu}: the CPU time each thread burned per round trip, in the same unit.
 * A spinning thread burns about as much CPU as the round trip lasts; a parked one, almost none.
 * They are taken at the edges of each iteration, never per round trip (reading a CPU clock is a
 * system call): the waker's with {@link Clocks#threadCpuNanos()}, its own
 * {@code CLOCK_THREAD_CPUTIME_ID}; the waiter's through {@link ThreadMXBean}, the same clock read
 * from another thread. How they reach JMH's table: in AverageTime mode JMH reports an
 * {@code OPERATIONS} aux counter {@code c} as <em>iteration time / c</em>, so each counter is set to
 * {@code roundTrips * wallTime / cpuTime}, with {@code wallTime} taken over the same span as the CPU
 * time; what JMH prints is then {@code cpuTime / roundTrips}, averaged over iterations like the
 * round trip itself.
 *
 * <p>On {@code SAME_CPU} a spinning thread keeps the CPU until the scheduler preempts it, so each
 * wake-up of a spinning flag waits for a time slice (milliseconds). Iterations are bounded by time
 * and end between round trips, so that case still ends, after a few hundred round trips.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
public class FlagWakeBenchmark {

    @Benchmark
    public void roundTrip(Rally rally) throws InterruptedException {
        rally.roundTrip();
    }

    /**
     * The two threads and their flags; also JMH's aux counters of CPU time (one state, so that
     * JMH makes one instance of it: a state injected into another state's helper method would get
     * an instance of its own, and a second waiter thread).
     *
     * <p>A {@link Flag} is one-shot, so every round trip uses two fresh flags. They come from a
     * ring of two slots: once the waiter has raised {@code back[r]}, it puts new flags into slot
     * {@code r % 2} for round {@code r + 2}. The waker cannot start round {@code r + 2} before it
     * has seen {@code back[r + 1]} raised, which the waiter raises after that replacement, so the
     * waker always finds the new flags (the flag's volatile write and read order them). The waiter
     * allocates while the waker is already on its next round: off the measured path on two CPUs,
     * and some tens of nanoseconds against round trips of microseconds on one.
     *
     * <p>JMH ends an iteration between two round trips, never inside one, so no thread is left
     * waiting for a flag nobody will raise. Between iterations the waiter waits for the next round
     * (spinning, for the spinning flags; it is a daemon thread), and {@link #stopWaiter()} releases
     * it at the end of the trial.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rally {
        @Param({"SpinFlag", "PoliteSpinFlag", "YieldFlag", "ParkFlag"})
        String flag;

        /** Where the threads run: the waiter takes role 0 of {@link Placement#pin}, the waker role 1. */
        @Param({"SAME_CPU", "TWO_CPUS"})
        Placement placement;

        private static final int SLOTS = 2;
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final Flag[] go = new Flag[SLOTS];
        private final Flag[] back = new Flag[SLOTS];
        /** Round trips the waker has completed; also the number of the next one. */
        private long rounds;

        private Supplier<Flag> newFlag;
        private BitSet processCpus;
        private Thread waiter;
        private volatile boolean stop;
        private volatile Throwable waiterFailure;

        static Supplier<Flag> flagFactory(String name) {
            switch (name) {
                case "SpinFlag": return SpinFlag::new;
                case "PoliteSpinFlag": return PoliteSpinFlag::new;
                case "YieldFlag": return YieldFlag::new;
                case "ParkFlag": return ParkFlag::new;
                default: throw new IllegalArgumentException(
                        "unknown flag " + name + "; use SpinFlag, PoliteSpinFlag, YieldFlag or ParkFlag");
            }
        }

        @Setup(Level.Trial)
        public void startWaiter() throws InterruptedException {
            newFlag = flagFactory(flag);
            processCpus = Cpus.allowed(); // before any pinning: a new thread inherits its creator's CPUs
            for (int s = 0; s < SLOTS; s++) {
                go[s] = newFlag.get();
                back[s] = newFlag.get();
            }
            CountDownLatch pinned = new CountDownLatch(1);
            waiter = new Thread(() -> waiterLoop(pinned), "flag-waiter");
            waiter.setDaemon(true); // whatever happens, a spinning waiter never keeps the JVM alive
            waiter.start();
            if (!pinned.await(10, TimeUnit.SECONDS) || waiterFailure != null) {
                stop = true;
                throw new IllegalStateException("the waiter thread could not be pinned for " + placement, waiterFailure);
            }
        }

        private void waiterLoop(CountDownLatch pinned) {
            try {
                Cpus.allow(processCpus);
                placement.pin(0);
            } catch (RuntimeException e) {
                waiterFailure = e;
                return;
            } finally {
                pinned.countDown();
            }
            try {
                for (long r = 0; ; r++) {
                    int s = (int) (r % SLOTS);
                    go[s].awaitRaised();
                    if (stop) {
                        return;
                    }
                    back[s].raise();
                    go[s] = newFlag.get(); // fresh flags for round r + SLOTS (see the class comment)
                    back[s] = newFlag.get();
                }
            } catch (Throwable e) {
                waiterFailure = e;
            }
        }

        /** Pins the waker at every iteration, in case JMH runs one on another thread. */
        @Setup(Level.Iteration)
        public void pinWaker() {
            Cpus.allow(processCpus);
            placement.pin(1);
        }

        void roundTrip() throws InterruptedException {
            int s = (int) (rounds % SLOTS);
            Flag out = go[s];
            Flag in = back[s]; // read both first: once `out` is up, the waiter may refill this slot
            out.raise();
            in.awaitRaised();
            rounds++;
        }

        // CPU time per round trip, reported through @AuxCounters: see the comment of FlagWakeBenchmark
        private long rounds0;
        private long wall0;
        private long wakerCpu0;
        private long waiterCpu0;
        private double wakerOps;
        private double waiterOps;

        @Setup(Level.Iteration)
        public void startClocks() {
            rounds0 = rounds;
            waiterCpu0 = THREADS.getThreadCpuTime(waiter.getId());
            wakerCpu0 = Clocks.threadCpuNanos();
            wall0 = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void stopClocks() {
            long wall = System.nanoTime() - wall0;
            long wakerCpu = Clocks.threadCpuNanos() - wakerCpu0;
            long waiterCpu = THREADS.getThreadCpuTime(waiter.getId()) - waiterCpu0;
            wakerOps = opsFor(rounds - rounds0, wall, wakerCpu);
            waiterOps = opsFor(rounds - rounds0, wall, waiterCpu);
        }

        private static double opsFor(long rounds, long wall, long cpu) {
            return cpu <= 0 ? Double.POSITIVE_INFINITY : (double) rounds * wall / cpu;
        }

        /** Reported as the waker's CPU time per round trip. */
        public double wakerCpu() {
            return wakerOps;
        }

        /** Reported as the waiter's CPU time per round trip. */
        public double waiterCpu() {
            return waiterOps;
        }

        @TearDown(Level.Trial)
        public void stopWaiter() throws InterruptedException {
            stop = true;
            go[(int) (rounds % SLOTS)].raise(); // the flag the waiter waits for; it sees `stop` and returns
            waiter.join(TimeUnit.SECONDS.toMillis(10));
            Cpus.allow(processCpus);
            if (waiter.isAlive()) {
                throw new IllegalStateException("the waiter thread did not stop: " + waiter.getState());
            }
            if (waiterFailure != null) {
                throw new IllegalStateException("the waiter thread failed", waiterFailure);
            }
        }
    }
}
