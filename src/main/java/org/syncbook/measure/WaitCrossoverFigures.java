package org.syncbook.measure;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.syncbook.wait.CondvarWaitQueue;
import org.syncbook.wait.SyncConfig;
import org.syncbook.wait.WaitQueue;
import org.syncbook.wait.WaitStrategy;

/**
 * Writes chapter 7's crossover figures (median wake latency and CPU burned while waiting, per
 * strategy, for holds of 1 µs to 10 ms, the two threads on two CPUs) and prints the table the
 * chapter's guidance comes from.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
 *      -cp 'target/syncbook.jar:target/lib/*' org.syncbook.measure.WaitCrossoverFigures book/images/ch07 1.0
 * </pre>
 *
 * <p>Arguments: the output directory, and a scale for the number of trials (1.0 for the book's
 * figures, about a minute; 0.1 for a quick look). Needs Linux and two CPUs; run it on a quiet machine.
 */
public final class WaitCrossoverFigures {
    /** The holds, in µs. */
    public static final long[] HOLDS = {1, 10, 100, 1_000, 10_000};

    private WaitCrossoverFigures() {
    }

    /** The strategies compared, by the name the table and the charts give them. */
    public static Map<String, Supplier<WaitQueue<Long>>> strategies() {
        Map<String, Supplier<WaitQueue<Long>>> s = new LinkedHashMap<>();
        s.put("FUTEX", () -> WaitQueue.create(SyncConfig.defaults().withStrategy(WaitStrategy.FUTEX)));
        s.put("CONDVAR", CondvarWaitQueue::new);
        s.put("SPIN_WAIT", () -> WaitQueue.create(SyncConfig.lowLatency()));
        s.put("SPIN_10MS", () -> WaitQueue.create(SyncConfig.lowLatency().withSpin(Duration.ofMillis(10), Integer.MAX_VALUE)));
        return s;
    }

    /** Trials for one hold: fewer for long holds, so each point takes about the same time. */
    public static int trials(long holdMicros, double scale) {
        return (int) Math.max(5, Math.round(scale * Math.min(2_000, 200_000 / (holdMicros + 100))));
    }

    /** Runs every strategy at every hold. */
    public static List<WaitCrossover.Point> sweep(double scale, Placement placement) throws InterruptedException {
        List<WaitCrossover.Point> points = new ArrayList<>();
        for (long hold : HOLDS) {
            for (Map.Entry<String, Supplier<WaitQueue<Long>>> s : strategies().entrySet()) {
                WaitCrossover.run(s.getKey(), s.getValue().get(), hold, 20, placement); // warm-up
                points.add(WaitCrossover.run(s.getKey(), s.getValue().get(), hold, trials(hold, scale), placement));
            }
        }
        return points;
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "book/images/ch07");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        List<WaitCrossover.Point> points = sweep(scale, Placement.TWO_CPUS);
        BarChart latency = BarChart.titled("Wake latency by hold, median (two CPUs)").valueAxis("µs").logScale();
        BarChart cpu = BarChart.titled("CPU burned while waiting, by hold (two CPUs)").valueAxis("% of one CPU");
        System.out.println("| hold µs | strategy | median µs | p99 µs | CPU while waiting | waits |");
        System.out.println("|---|---|---|---|---|---|");
        for (WaitCrossover.Point p : points) {
            String hold = p.holdMicros() + " µs";
            latency.bar(hold, p.strategy(), Math.max(0.01, p.latencyMicros(50))); // a log axis cannot show 0
            cpu.bar(hold, p.strategy(), 100 * p.cpuShare());
            System.out.printf("| %d | %s | %.1f | %.1f | %.0f %% | %d |%n", p.holdMicros(), p.strategy(),
                    p.latencyMicros(50), p.latencyMicros(99), 100 * p.cpuShare(), p.latencyNanos().getTotalCount());
        }
        Path a = latency.writePng(dir.resolve("wait-crossover-latency.png"));
        Path b = cpu.writePng(dir.resolve("wait-crossover-cpu.png"));
        System.out.println();
        System.out.println("wrote " + a + " and " + b);
    }
}
