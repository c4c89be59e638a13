package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RwLockTimeline} on the figures' locks, small scale: every thread shows up, the writer gets
 * in at least once (at the latest when the readers stop), and no recorded write overlaps any
 * other hold. How long the writer waited is the figure's business, not a test's.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class RwLockTimelineTest {
    private static final RwLockTimeline SMALL = new RwLockTimeline(3, 500, 5_000, 50);

    @Test
    @DisplayName("RwLock1 and RwLock3: 3 readers and a writer, 50 ms; every row present, writes alone")
    void recordsWhoHeldTheLock() throws Exception {
        for (Timeline t : List.of(RwLockTimelineFigures.step1(SMALL), RwLockTimelineFigures.step3(SMALL))) {
            assertEquals(List.of("reader 1", "reader 2", "reader 3", "writer"), t.threads().stream().sorted().toList(),
                    t.title());
            assertTrue(t.count(Timeline.Kind.WRITE) >= 1, "the writer never got in: " + t);
            assertEquals(t.count(Timeline.Kind.WRITE), t.count(Timeline.Kind.WAIT), "one wait per write");
            for (Timeline.Interval w : t.of(Timeline.Kind.WRITE)) {
                for (Timeline.Interval other : t.intervals()) {
                    boolean overlaps = other.startNanos() < w.endNanos() && w.startNanos() < other.endNanos();
                    assertTrue(other == w || other.kind() == Timeline.Kind.WAIT || !overlaps,
                            "a hold overlaps a write: " + other + " and " + w);
                }
            }
        }
    }

    @Test
    @DisplayName("fewer than 2 readers or a non-positive time is refused")
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RwLockTimeline(1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RwLockTimeline(2, 0, 1, 1));
    }
}
