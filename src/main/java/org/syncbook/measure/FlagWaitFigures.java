package org.syncbook.measure;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.syncbook.sys.Flag;
import org.syncbook.sys.ParkFlag;
import org.syncbook.sys.PoliteSpinFlag;
import org.syncbook.sys.SpinFlag;
import org.syncbook.sys.YieldFlag;

/**
 * Writes chapter 1's two figures: the median wake latency and the CPU burned while waiting, for
 * the four {@link Flag}s, with the two threads on two CPUs and on the same CPU. Also prints the
 * table the chapter quotes.
 *
 * <p>Run it from the root of the repository (it needs Linux and at least two CPUs):
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
 *      -cp 'target/syncbook.jar:target/lib/*' org.syncbook.measure.FlagWaitFigures book/images/ch01
 * </pre>
 *
 * <p>The argument is the output directory ({@code book/images/ch01} if omitted). It writes
 * {@code flag-wake-latency.png} and {@code flag-cpu-burned.png} there; commit them with the table
 * it prints, and say in the text on which machine they were measured. A run takes a few seconds.
 * Medians move by a few tens of percent from run to run (more on a busy machine); the order of
 * the bars does not.
 */
public final class FlagWaitFigures {
    /** Trials per flag with the threads on two CPUs. */
    static final int TRIALS_TWO_CPUS = 300;
    /** Trials per flag on one CPU, where the two threads take turns on it. */
    static final int TRIALS_SAME_CPU = 100;
    /** How long the waker keeps each flag down: long enough for a parked waiter to be asleep. */
    static final long HOLD_MICROS = 1000;

    private FlagWaitFigures() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "book/images/ch01");
        List<Supplier<Flag>> flags = List.of(SpinFlag::new, PoliteSpinFlag::new, YieldFlag::new, ParkFlag::new);

        // a short warm-up, so the first measured trials do not pay for class loading and the JIT
        for (Supplier<Flag> flag : flags) {
            new FlagWaitExperiment(50, 200, Placement.TWO_CPUS).run(flag);
        }

        List<FlagWaitResult> results = new ArrayList<>();
        for (Placement placement : List.of(Placement.TWO_CPUS, Placement.SAME_CPU)) {
            int trials = placement == Placement.TWO_CPUS ? TRIALS_TWO_CPUS : TRIALS_SAME_CPU;
            for (Supplier<Flag> flag : flags) {
                FlagWaitResult result = new FlagWaitExperiment(trials, HOLD_MICROS, placement).run(flag);
                System.out.println(result);
                results.add(result);
            }
        }

        BarChart latency = BarChart.titled("Wake latency, median (hold " + HOLD_MICROS + " µs)")
                .valueAxis("µs").logScale();
        BarChart cpu = BarChart.titled("CPU burned while waiting (hold " + HOLD_MICROS + " µs)")
                .valueAxis("% of one CPU");
        for (FlagWaitResult r : results) {
            // a median below the clock's resolution would read 0, which a log axis cannot show
            latency.bar(r.placement().label(), r.flag(), Math.max(0.01, r.latencyMicros(50)));
            // a spinner reads 100.1 % now and then: two clocks of different granularity; no thread burns more than a CPU
            cpu.bar(r.placement().label(), r.flag(), Math.min(100, 100 * r.cpuShareWhileWaiting()));
        }
        Path latencyPng = latency.writePng(dir.resolve("flag-wake-latency.png"));
        Path cpuPng = cpu.writePng(dir.resolve("flag-cpu-burned.png"));

        System.out.println();
        System.out.println("| flag | placement | median µs | p99 µs | CPU while waiting | wake-ups |");
        System.out.println("|---|---|---|---|---|---|");
        for (FlagWaitResult r : results) {
            System.out.printf("| %s | %s | %.1f | %.1f | %.0f %% | %d |%n", r.flag(), r.placement().label(),
                    r.latencyMicros(50), r.latencyMicros(99), 100 * r.cpuShareWhileWaiting(), r.trials());
        }
        System.out.println();
        System.out.println("wrote " + latencyPng + " and " + cpuPng);
    }
}
