package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.wait.CondvarWaitQueue;

/** The crossover experiment runs and reports every trial; it asserts nothing about speed. */
class WaitCrossoverTest {
    @Test
    @DisplayName("a run records one latency per trial and a CPU share between 0 and 1")
    void runs() throws Exception {
        WaitCrossover.Point p = WaitCrossover.run("CONDVAR", new CondvarWaitQueue<>(), 10, 20, Placement.UNPINNED);
        assertEquals(20, p.latencyNanos().getTotalCount());
        assertTrue(p.cpuShare() >= 0 && p.cpuShare() <= 1, "CPU share " + p.cpuShare());
    }

    @Test
    @DisplayName("the sweep covers every strategy at every hold")
    void sweep() throws Exception {
        List<WaitCrossover.Point> points = WaitCrossoverFigures.sweep(0.01, Placement.UNPINNED);
        assertEquals(WaitCrossoverFigures.HOLDS.length * WaitCrossoverFigures.strategies().size(), points.size());
    }
}
