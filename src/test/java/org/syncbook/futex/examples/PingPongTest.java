package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.measure.BarChart;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Cpus;

/** The ping-pongs of chapter 3's measurements finish, and make the calls the chapter says. No timing claims. */
class PingPongTest {

    @ParameterizedTest
    @EnumSource(Placement.class)
    @DisplayName("every ping-pong completes its round trips on every placement and then stops")
    void completes(Placement placement) throws Exception {
        assumeTrue(placement != Placement.TWO_CPUS || Cpus.allowed().cardinality() >= 2, "this process may use only one CPU");
        List<Supplier<PingPong>> all = FutexFigures.pingPongs();
        for (Supplier<PingPong> p : all) {
            Histogram h = new PingPongExperiment(2_000, 100, placement, 30, TimeUnit.SECONDS).run(p.get());
            assertEquals(2_000, h.getTotalCount());
        }
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a futex round trip is two wake calls; a stop ends the pong side")
    void twoWakesPerRoundTrip(FutexBackend backend) throws Exception {
        FutexPingPong pingPong = new FutexPingPong(backend);
        new PingPongExperiment(500, 0, Placement.UNPINNED, 30, TimeUnit.SECONDS).run(pingPong);
        // 500 round trips of two wakes each, and the stop's wake
        assertEquals(1001, pingPong.word().counters().wakes());
    }

    @Test
    @DisplayName("the histogram chart puts every sample in one bucket")
    void histogramChart() {
        Histogram h = new Histogram(3);
        for (long v : new long[] {500, 3_000, 3_500, 70_000, 900_000}) {
            h.recordValue(v);
        }
        BarChart chart = FutexFigures.histogramChart("test", java.util.Map.of("one", h));
        assertTrue(chart.render().getWidth() > 0);
    }
}
