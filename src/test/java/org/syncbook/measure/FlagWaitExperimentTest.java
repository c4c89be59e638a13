package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.sys.Cpus;
import org.syncbook.sys.Flag;
import org.syncbook.sys.ParkFlag;
import org.syncbook.sys.SpinFlag;

/**
 * {@link FlagWaitExperiment}: small runs only (tens of trials): this checks that the experiment
 * measures what it says, not how fast anything is.
 */
class FlagWaitExperimentTest {

    /**
     * Runs the experiment on a runner thread and returns what {@code run()} returned or threw. Fails if
     * the run has not ended within 20 s, after interrupting the experiment's threads (every flag here
     * waits interruptibly), so a broken flag or experiment fails this test instead of hanging the build.
     */
    private static Outcome runBounded(FlagWaitExperiment experiment, Supplier<? extends Flag> newFlag) throws Exception {
        AtomicReference<FlagWaitResult> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                result.set(experiment.run(newFlag));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "experiment runner");
        runner.setDaemon(true);
        runner.start();
        runner.join(20_000);
        if (runner.isAlive()) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if ((t.getName().equals("waiter") || t.getName().equals("waker")) && Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith(FlagWaitExperiment.class.getName()))) {
                    t.interrupt();
                }
            }
            runner.join(10_000);
            throw new AssertionError("run() had not returned after 20 s");
        }
        return new Outcome(result.get(), thrown.get());
    }

    /** What {@code run()} returned, or what it threw. */
    private static final class Outcome {
        final FlagWaitResult result;
        final Throwable thrown;

        Outcome(FlagWaitResult result, Throwable thrown) {
            this.result = result;
            this.thrown = thrown;
        }

        FlagWaitResult result() {
            if (thrown != null) {
                throw new AssertionError("run() threw " + thrown, thrown);
            }
            return result;
        }
    }

    @Test
    @DisplayName("20 trials with ParkFlag give 20 wake-ups, latencies of at least 0 and a CPU share between 0 and 1.5")
    void smallRunWithParkFlag() throws Exception {
        AtomicInteger made = new AtomicInteger();
        FlagWaitResult result = runBounded(new FlagWaitExperiment(20, 100, Placement.UNPINNED), () -> {
            made.incrementAndGet();
            return new ParkFlag();
        }).result();
        assertEquals(20, made.get(), "one flag per trial");
        assertEquals(20, result.trials());
        assertEquals(20, result.latencyHistogram().getTotalCount());
        assertEquals("ParkFlag", result.flag());
        assertSame(Placement.UNPINNED, result.placement());
        assertTrue(result.latencyMicros(0) >= 0, "smallest latency " + result.latencyMicros(0) + " µs");
        assertTrue(result.latencyMicros(50) <= result.latencyMicros(100), "the median is above the maximum");
        double share = result.cpuShareWhileWaiting();
        assertTrue(share >= 0 && share <= 1.5, "CPU share while waiting " + share);
        assertTrue(result.toString().contains("ParkFlag") && result.toString().contains("unpinned"),
                "toString() should name the flag and the placement: " + result);
    }

    @Test
    @DisplayName("a spinning waiter burns more of its wait than a sleeping one")
    void spinnerBurnsMoreThanSleeper() throws Exception {
        // Holds of 2 ms make the waits long enough to tell a whole CPU from a sleeping thread.
        FlagWaitExperiment experiment = new FlagWaitExperiment(20, 2_000, Placement.UNPINNED);
        double spin = runBounded(experiment, SpinFlag::new).result().cpuShareWhileWaiting();
        double park = runBounded(experiment, ParkFlag::new).result().cpuShareWhileWaiting();
        assertTrue(spin > park, String.format("SpinFlag's waiter burned %.0f%% of its wait, ParkFlag's %.0f%%", 100 * spin, 100 * park));
    }

    @Test
    @DisplayName("a run with both threads on one CPU completes, and the result names the placement")
    void sameCpuRun() throws Exception {
        FlagWaitResult result = runBounded(new FlagWaitExperiment(10, 300, Placement.SAME_CPU), ParkFlag::new).result();
        assertEquals(10, result.trials());
        assertSame(Placement.SAME_CPU, result.placement());
        assertTrue(result.toString().contains("same CPU"), result.toString());
    }

    @Test
    @DisplayName("a run on two CPUs completes where two CPUs are allowed")
    void twoCpusRun() throws Exception {
        assumeTrue(Cpus.allowed().cardinality() >= 2, "this process may use only one CPU");
        FlagWaitResult result = runBounded(new FlagWaitExperiment(10, 300, Placement.TWO_CPUS), ParkFlag::new).result();
        assertEquals(10, result.trials());
    }

    @Test
    @DisplayName("fewer than one trial or a negative hold time is refused")
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new FlagWaitExperiment(0, 100, Placement.UNPINNED));
        assertThrows(IllegalArgumentException.class, () -> new FlagWaitExperiment(-5, 100, Placement.UNPINNED));
        assertThrows(IllegalArgumentException.class, () -> new FlagWaitExperiment(10, -1, Placement.UNPINNED));
    }

    @Test
    @DisplayName("a hold time of zero is allowed: the flag goes up as soon as both threads are ready")
    void zeroHold() throws Exception {
        assertEquals(5, runBounded(new FlagWaitExperiment(5, 0, Placement.UNPINNED), ParkFlag::new).result().trials());
    }

    // --- Regression tests: when one of its two threads failed, the other used to wait for it forever
    // --- (on the CyclicBarrier, or in awaitRaised), so run() never returned.

    @Test
    @DisplayName("a waiter that fails ends the run with its failure, instead of leaving the waker waiting forever")
    void failingWaiterEndsTheRun() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Throwable e = runBounded(new FlagWaitExperiment(3, 0, Placement.UNPINNED), () -> {
            ParkFlag real = new ParkFlag();
            boolean broken = made.getAndIncrement() == 1; // the second trial's flag
            return new Flag() {
                public void raise() {
                    real.raise();
                }

                public void awaitRaised() throws InterruptedException {
                    if (broken) {
                        throw new IllegalStateException("broken awaitRaised");
                    }
                    real.awaitRaised();
                }

                public boolean isRaised() {
                    return real.isRaised();
                }
            };
        }).thrown;
        assertTrue(e != null && String.valueOf(e.getMessage()).contains("broken awaitRaised"), "run() threw " + e);
    }

    @Test
    @DisplayName("a waker that fails ends the run with its failure, instead of leaving the waiter waiting forever")
    void failingWakerEndsTheRun() throws Exception {
        Throwable e = runBounded(new FlagWaitExperiment(3, 0, Placement.UNPINNED), () -> {
            ParkFlag real = new ParkFlag(); // a half-done learner's flag: it can wait, but raise() is still the stub
            return new Flag() {
                public void raise() {
                    throw new UnsupportedOperationException("raise() not done yet");
                }

                public void awaitRaised() throws InterruptedException {
                    real.awaitRaised();
                }

                public boolean isRaised() {
                    return real.isRaised();
                }
            };
        }).thrown;
        assertTrue(e != null && String.valueOf(e.getMessage()).contains("raise() not done yet"), "run() threw " + e);
    }
}
