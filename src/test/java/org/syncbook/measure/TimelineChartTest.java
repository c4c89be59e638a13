package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Timeline} and {@link TimelineChart}: the sums are right, and bars land on their row and time. */
class TimelineChartTest {
    private static final long MS = 1_000_000;

    private static Timeline sample() {
        return new Timeline("sample", List.of(
                new Timeline.Interval("reader 1", Timeline.Kind.READ, 0, 40 * MS),
                new Timeline.Interval("writer", Timeline.Kind.WAIT, 10 * MS, 40 * MS),
                new Timeline.Interval("writer", Timeline.Kind.WRITE, 40 * MS, 50 * MS),
                new Timeline.Interval("reader 1", Timeline.Kind.READ, 50 * MS, 100 * MS)));
    }

    @Test
    @DisplayName("rows in order of first appearance; counts, longest interval and end are right")
    void sums() {
        Timeline t = sample();
        assertEquals(List.of("reader 1", "writer"), t.threads());
        assertEquals(2, t.count(Timeline.Kind.READ));
        assertEquals(1, t.count(Timeline.Kind.WRITE));
        assertEquals(30 * MS, t.longest(Timeline.Kind.WAIT));
        assertEquals(100 * MS, t.endNanos());
        assertThrows(IllegalArgumentException.class, () -> new Timeline.Interval("x", Timeline.Kind.READ, 5, 4));
    }

    @Test
    @DisplayName("the write bar is red on the writer's row at 40-50 ms, and absent from the reader's row")
    void barsWhereTheDataSays() {
        BufferedImage image = TimelineChart.of(sample()).render(900, 360);
        int plotW = 900 - TimelineChart.LEFT - TimelineChart.RIGHT;
        int plotH = 360 - TimelineChart.TOP - TimelineChart.BOTTOM;
        int readerY = TimelineChart.TOP + plotH / 4;
        int writerY = TimelineChart.TOP + 3 * plotH / 4;
        int x45 = TimelineChart.x(45 * MS, 100 * MS, plotW);
        int x25 = TimelineChart.x(25 * MS, 100 * MS, plotW);
        int red = TimelineChart.COLOURS.get(Timeline.Kind.WRITE).getRGB() & 0xffffff;
        int blue = TimelineChart.COLOURS.get(Timeline.Kind.READ).getRGB() & 0xffffff;
        int grey = TimelineChart.COLOURS.get(Timeline.Kind.WAIT).getRGB() & 0xffffff;
        assertEquals(red, image.getRGB(x45, writerY) & 0xffffff, "the write at 45 ms");
        assertEquals(grey, image.getRGB(x25, writerY) & 0xffffff, "the wait at 25 ms");
        assertEquals(blue, image.getRGB(x25, readerY) & 0xffffff, "the read at 25 ms");
        assertTrue((image.getRGB(x45, readerY) & 0xffffff) != blue, "nobody reads at 45 ms");
    }

    @Test
    @DisplayName("an empty timeline renders; a PNG is written and reads back at 900 x 360")
    void emptyAndPng(@TempDir Path dir) throws Exception {
        TimelineChart.of(new Timeline("empty", List.of())).render();
        Path png = TimelineChart.of(sample()).writePng(dir.resolve("sub/t.png"));
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(900, back.getWidth());
        assertEquals(360, back.getHeight());
        assertTrue(TimelineChart.niceStep(130) >= 10 && TimelineChart.niceStep(130) <= 50);
    }
}
