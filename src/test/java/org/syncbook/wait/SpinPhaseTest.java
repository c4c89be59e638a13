package org.syncbook.wait;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spin's bounds and its adaptation, counted in looks (no clock is asserted). */
class SpinPhaseTest {
    private static boolean falseAfter(SpinPhase spin, int looks) {
        AtomicInteger n = new AtomicInteger();
        return spin.spinWhile(() -> n.incrementAndGet() < looks);
    }

    @Test
    @DisplayName("a spin that pays off keeps its budget, even with an unbounded count")
    void successKeepsBudget() {
        SpinPhase spin = new SpinPhase(TimeUnit.SECONDS.toNanos(10), Integer.MAX_VALUE);
        for (int i = 0; i < 3; i++) {
            assertTrue(falseAfter(spin, 10_000), "a condition false after 10 000 looks, round " + i);
        }
    }

    @Test
    @DisplayName("the count bounds the spin, and failures shrink it")
    void countBoundsAndShrinks() {
        SpinPhase spin = new SpinPhase(TimeUnit.SECONDS.toNanos(10), 1_000);
        assertFalse(falseAfter(spin, 2_000), "1 000 spins allowed, the condition needs 2 000 looks");
        assertFalse(falseAfter(spin, 800), "after a failure the budget is halved to 500");
        assertTrue(falseAfter(spin, 100));
    }
}
