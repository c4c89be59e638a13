package org.syncbook.futex.examples;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.syncbook.futex.FutexBackend;
import org.syncbook.measure.BarChart;
import org.syncbook.measure.FlagWaitExperiment;
import org.syncbook.measure.FlagWaitResult;
import org.syncbook.measure.Placement;

/**
 * Writes chapter 3's two figures and prints the tables the chapter quotes:
 * <ul>
 *   <li>{@code pingpong-placements.png}: the median round trip of {@link PingPong} through the Linux
 *       futex, the portable futex, {@code LockSupport} and a pthread condition variable, on one CPU
 *       and on two;</li>
 *   <li>{@code wake-latency-histogram.png}: how long a {@link FutexFlag} waiter takes to return after
 *       {@code raise()}, as a histogram, on one CPU and on two.</li>
 * </ul>
 *
 * <p>Run it from the root of the repository (Linux, at least two CPUs), on a machine that is
 * otherwise quiet:
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
 *      -cp 'target/syncbook.jar:target/lib/*' org.syncbook.futex.examples.FutexFigures book/images/ch03
 * </pre>
 *
 * <p>The argument is the output directory ({@code book/images/ch03} if omitted). A run takes about
 * ten seconds. The notebook {@code notebooks/03-futexes.ipynb} draws the same charts with the
 * public methods below.
 */
public final class FutexFigures {
    /** Round trips per ping-pong run with the threads on one CPU. */
    static final int ROUND_TRIPS_SAME_CPU = 50_000;
    /** Round trips per run on two CPUs, where each one costs ten times more. */
    static final int ROUND_TRIPS_TWO_CPUS = 5_000;
    /** Wake-ups measured per placement for the histogram. */
    static final int WAKES = 1_000;
    /** How long the waker holds each flag down before raising it, so the waiter is really asleep. */
    static final long HOLD_MICROS = 1000;

    /** The upper edges of the histogram's buckets, in microseconds; the last bucket is open. */
    private static final double[] EDGES = {2, 4, 8, 16, 32, 64, 128, 256};

    private FutexFigures() {
    }

    /** The four ping-pongs of the figure, fresh. */
    public static List<Supplier<PingPong>> pingPongs() {
        return List.of(() -> new FutexPingPong(FutexBackend.LINUX), () -> new FutexPingPong(FutexBackend.PORTABLE),
                ParkPingPong::new, CondvarPingPong::new);
    }

    /** Runs {@code pingPong} with the figure's sizes for {@code placement}; at most a minute. */
    public static Histogram roundTrips(PingPong pingPong, Placement placement) throws InterruptedException {
        int n = placement == Placement.SAME_CPU ? ROUND_TRIPS_SAME_CPU : ROUND_TRIPS_TWO_CPUS;
        return new PingPongExperiment(n, n / 10, placement, 60, TimeUnit.SECONDS).run(pingPong);
    }

    /** The wake latencies of {@link FutexFlag} on {@code backend}, {@code trials} wake-ups. */
    public static FlagWaitResult wakeLatency(FutexBackend backend, Placement placement, int trials)
            throws InterruptedException {
        return new FlagWaitExperiment(trials, HOLD_MICROS, placement).run(() -> new FutexFlag(backend));
    }

    /**
     * A chart of latency histograms: one group of bars per bucket (under 2 µs, 2–4 µs, ... over
     * 256 µs), one bar per series, each the share of that series' samples in the bucket, in percent.
     */
    public static BarChart histogramChart(String title, Map<String, Histogram> series) {
        BarChart chart = BarChart.titled(title).valueAxis("% of wake-ups");
        for (int b = 0; b <= EDGES.length; b++) {
            String bucket = b == 0 ? "< " + (int) EDGES[0] + " µs"
                    : b == EDGES.length ? "≥ " + (int) EDGES[b - 1] + " µs"
                    : (int) EDGES[b - 1] + "–" + (int) EDGES[b] + " µs";
            for (Map.Entry<String, Histogram> s : series.entrySet()) {
                Histogram h = s.getValue();
                long lo = b == 0 ? 0 : (long) (EDGES[b - 1] * 1000);
                long hi = b == EDGES.length ? h.getMaxValue() : (long) (EDGES[b] * 1000) - 1;
                long count = hi < lo ? 0 : h.getCountBetweenValues(lo, Math.max(lo, hi));
                chart.bar(bucket, s.getKey(), 100.0 * count / Math.max(1, h.getTotalCount()));
            }
        }
        return chart;
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "book/images/ch03");
        List<Placement> placements = List.of(Placement.SAME_CPU, Placement.TWO_CPUS);

        for (Supplier<PingPong> p : pingPongs()) { // warm-up: class loading and the JIT, not measured
            new PingPongExperiment(2_000, 0, Placement.SAME_CPU, 60, TimeUnit.SECONDS).run(p.get());
        }
        BarChart pingPongChart = BarChart.titled("Futex ping-pong: median round trip").valueAxis("µs").logScale();
        List<String> rows = new ArrayList<>();
        for (Placement placement : placements) {
            for (Supplier<PingPong> p : pingPongs()) {
                PingPong pingPong = p.get();
                Histogram h = roundTrips(pingPong, placement);
                double median = h.getValueAtPercentile(50) / 1000.0;
                pingPongChart.bar(placement.label(), pingPong.name(), median);
                rows.add(String.format("| %s | %s | %.1f | %.1f | %.1f | %d |", pingPong.name(), placement.label(),
                        median, h.getValueAtPercentile(10) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                        h.getTotalCount()));
            }
        }

        Map<String, Histogram> latencies = new LinkedHashMap<>();
        wakeLatency(FutexBackend.LINUX, Placement.TWO_CPUS, 100); // warm-up
        for (Placement placement : placements) {
            FlagWaitResult r = wakeLatency(FutexBackend.LINUX, placement, WAKES);
            System.out.println(r);
            latencies.put(placement.label(), r.latencyHistogram());
        }
        BarChart histogram = histogramChart("Wake latency of FutexFlag (Linux futex), " + WAKES + " wake-ups each",
                latencies);

        Path a = pingPongChart.writePng(dir.resolve("pingpong-placements.png"));
        Path b = histogram.writePng(dir.resolve("wake-latency-histogram.png"));
        System.out.println();
        System.out.println("| ping-pong | placement | median µs | p10 µs | p90 µs | round trips |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("wrote " + a + " and " + b);
    }
}
