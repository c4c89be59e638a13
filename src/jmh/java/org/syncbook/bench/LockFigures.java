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
 * Draws a lock chapter's figure from the saved output of a JMH run (its summary table, as kept in
 * {@code docs/results/chapterNN-jmh.txt}): nanoseconds per lock-increment-unlock, one group of bars
 * per case (uncontended, two threads on two CPUs, two threads on the same CPU), one bar per lock.
 * Only the rows of benchmarks whose name starts with the given prefix count; secondary results
 * such as {@code lockUnlock:cpu} are left out. Also prints the table behind it.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.syncbook.bench.LockFigures docs/results/chapter02-jmh.txt PthreadMutex book/images/ch02/pthread-mutex-jmh.png
 * java -cp target/benchmarks.jar org.syncbook.bench.LockFigures docs/results/chapter04-jmh.txt Mutex book/images/ch04/mutex-jmh.png
 * </pre>
 */
public final class LockFigures {
    private LockFigures() {
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
     * The rows of the summary table JMH prints at the end of a run whose benchmark starts with
     * {@code prefix}, e.g. {@code PthreadMutexContendedBenchmark.lockUnlock  PthreadRaw  TWO_CPUS  avgt  5  503.121 ±  58.092  ns/op};
     * uncontended rows have no placement column. Every other line of the file is skipped.
     */
    static List<Row> read(Path jmhOutput, String prefix) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jmhOutput, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            boolean placed = f.length == 9;
            if ((f.length != 8 && !placed) || !f[0].startsWith(prefix) || f[0].contains(":")
                    || !f[placed ? 6 : 5].equals("\u00b1")) {
                continue;
            }
            int score = placed ? 5 : 4;
            rows.add(new Row(f[0], f[1], placed ? f[2] : null, Double.parseDouble(f[score]), Double.parseDouble(f[score + 2])));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(jmhOutput + " holds no summary rows of benchmarks named " + prefix + "*");
        }
        return rows;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: LockFigures <jmh-output.txt> <benchmark name prefix> <figure.png>");
        }
        List<Row> rows = read(Paths.get(args[0]), args[1]);
        List<String> scenarios = Arrays.asList("1 thread (uncontended)", "2 threads, two CPUs", "2 threads, same CPU");
        BarChart chart = BarChart.titled("One lock, increment, unlock (JMH, average)").valueAxis("ns per operation").logScale();
        System.out.printf("%-24s %-16s %12s %10s%n", "case", "lock", "ns/op", "± (99.9%)");
        for (String scenario : scenarios) {
            for (Row r : rows) {
                if (r.scenario().equals(scenario)) {
                    chart.bar(scenario, r.lock, r.score);
                    System.out.printf("%-24s %-16s %12.1f %10.1f%n", scenario, r.lock, r.score, r.error);
                }
            }
        }
        Path out = Paths.get(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(chart.render(1200, 600), "png", out.toFile());
        System.out.println("wrote " + out);
    }
}
