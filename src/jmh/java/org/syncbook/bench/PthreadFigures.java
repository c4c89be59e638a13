package org.syncbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.syncbook.measure.BarChart;
import org.syncbook.measure.Placement;

/**
 * Draws chapter 2's figure from the output of a JMH run of {@link PthreadMutexBenchmark} and
 * {@link PthreadMutexContendedBenchmark} (its summary table, as saved in
 * {@code docs/results/chapter02-jmh.txt}): nanoseconds per
 * lock-increment-unlock, one group of bars per case (uncontended, two threads on two CPUs, two threads
 * on the same CPU), one bar per lock. Also prints the table behind it.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.syncbook.bench.PthreadFigures docs/results/chapter02-jmh.txt book/images/ch02
 * </pre>
 */
public final class PthreadFigures {
    private PthreadFigures() {
    }

    /** One row of JMH's CSV: the benchmark, its parameters and its score. */
    static final class Row {
        final String benchmark;
        final String lock;
        final String placement;
        final double score;
        final double error;

        Row(String benchmark, String lock, String placement, double score, double error) {
            this.benchmark = benchmark;
            this.lock = lock;
            this.placement = placement;
            this.score = score;
            this.error = error;
        }

        /** The group of bars this row belongs to. */
        String scenario() {
            if (benchmark.contains("Contended")) {
                return "2 threads, " + Placement.valueOf(placement).label();
            }
            return "1 thread (uncontended)";
        }
    }

    /**
     * The rows of the summary table JMH prints at the end of a run, e.g.
     * {@code PthreadMutexContendedBenchmark.lockUnlock  PthreadRaw  TWO_CPUS  avgt  5  503.121 ±  58.092  ns/op};
     * every other line of the file is skipped.
     */
    static List<Row> read(Path jmhOutput) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jmhOutput, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 9 || !f[0].startsWith("PthreadMutex") || !f[6].equals("\u00b1")) {
                continue;
            }
            rows.add(new Row(f[0], f[1], f[2], Double.parseDouble(f[5]), Double.parseDouble(f[7])));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(jmhOutput + " holds no summary rows of the chapter 2 benchmarks");
        }
        return rows;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PthreadFigures <jmh-output.txt> <output directory>");
        }
        List<Row> rows = read(Paths.get(args[0]));
        List<String> scenarios = Arrays.asList("1 thread (uncontended)", "2 threads, two CPUs", "2 threads, same CPU");
        BarChart chart = BarChart.titled("One lock, increment, unlock (JMH, average)").valueAxis("ns per operation").logScale();
        System.out.printf("%-24s %-14s %12s %10s%n", "case", "lock", "ns/op", "± (99.9%)");
        for (String scenario : scenarios) {
            for (Row r : rows) {
                if (r.scenario().equals(scenario)) {
                    chart.bar(scenario, r.lock, r.score);
                    System.out.printf("%-24s %-14s %12.1f %10.1f%n", scenario, r.lock, r.score, r.error);
                }
            }
        }
        Path out = Paths.get(args[1]).resolve("pthread-mutex-jmh.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(chart.render(1200, 600), "png", out.toFile());
        System.out.println("wrote " + out);
    }
}
