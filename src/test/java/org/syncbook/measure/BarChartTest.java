package org.syncbook.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BarChart}: bars drawn where the data says, bad values refused, PNGs a viewer can open. */
class BarChartTest {
    private static final int WHITE = 0xffffff;
    /** The colour of the first series. */
    private static final int FIRST_SERIES = 0x1f77b4;

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** Pixels of exactly {@code colour} in the rectangle [x0, x1) x [y0, y1). */
    private static int count(BufferedImage image, int colour, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(image, x, y) == colour) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(BufferedImage image, int colour) {
        return count(image, colour, 0, 0, image.getWidth(), image.getHeight());
    }

    private static int nonWhite(BufferedImage image, int x0, int y0, int x1, int y1) {
        return (x1 - x0) * (y1 - y0) - count(image, WHITE, x0, y0, x1, y1);
    }

    @Test
    @DisplayName("the image has the size asked for, and 900 x 500 by default")
    void renderSize() {
        BarChart chart = BarChart.titled("sizes").bar("a", "s", 3);
        BufferedImage image = chart.render(640, 360);
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        BufferedImage standard = chart.render();
        assertEquals(900, standard.getWidth());
        assertEquals(500, standard.getHeight());
    }

    @Test
    @DisplayName("a single bar fills the middle of the plot; a zero bar in the middle leaves it without bar colour")
    void barIsDrawnWhereItStands() {
        BufferedImage withBar = BarChart.titled("").bar("only", "s", 10).render(900, 500);
        BufferedImage withoutBar = BarChart.titled("").bar("left", "s", 10).bar("middle", "s", 0).bar("right", "s", 10)
                .render(900, 500);
        // A small square around the centre of the image, away from axes, title and legend.
        assertEquals(400, count(withBar, FIRST_SERIES, 440, 240, 460, 260),
                "a single bar as tall as the axis should fill the centre of the image with its colour");
        assertEquals(0, count(withoutBar, FIRST_SERIES, 440, 150, 460, 250),
                "the middle category has a zero bar, yet its column is coloured");
    }

    @Test
    @DisplayName("on a linear scale a bar's height is proportional to its value: 10 stands ten times as tall as 1")
    void linearHeights() {
        // Category "ten" takes the left half of the plot (x 80..480), "one" the right half; the plot spans y 50..410.
        BufferedImage image = BarChart.titled("").bar("ten", "s", 10).bar("one", "s", 1).render(900, 500);
        int ten = count(image, FIRST_SERIES, 80, 50, 480, 410);
        int one = count(image, FIRST_SERIES, 480, 50, 880, 410);
        assertTrue(one > 0, "the bar of 1 is not drawn");
        double ratio = (double) ten / one;
        assertTrue(ratio > 8 && ratio < 12, "the bar of 10 has " + ten + " pixels, the bar of 1 " + one);
    }

    @Test
    @DisplayName("on a log scale 1, 10 and 100 stand in equal steps")
    void logHeights() {
        // Three categories, each a third of the plot: x 80..346, 346..613, 613..880.
        BufferedImage image = BarChart.titled("").logScale().bar("a", "s", 2).bar("b", "s", 20).bar("c", "s", 200).render(900, 500);
        int a = count(image, FIRST_SERIES, 80, 50, 346, 410);
        int b = count(image, FIRST_SERIES, 346, 50, 613, 410);
        int c = count(image, FIRST_SERIES, 613, 50, 880, 410);
        assertTrue(a > 0 && b > a && c > b, "bar pixels: 2 -> " + a + ", 20 -> " + b + ", 200 -> " + c);
        assertTrue(Math.abs((b - a) - (c - b)) < (c - b) / 10, "uneven steps: 2 -> " + a + ", 20 -> " + b + ", 200 -> " + c);
    }

    @Test
    @DisplayName("each series has a colour of its own")
    void seriesHaveTheirOwnColours() {
        BufferedImage image = BarChart.titled("").bar("a", "first", 4).bar("a", "second", 4).render();
        int first = count(image, FIRST_SERIES);
        int second = count(image, 0xff7f0e);
        assertTrue(first > 1000 && second > 1000, "pixels of the first series " + first + ", of the second " + second);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {Double.NaN, -1, -0.001})
    @DisplayName("a bar that is not a number or negative is refused")
    void rejectsNanAndNegative(double value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarChart.titled("t").bar("cat", "series", value));
        assertTrue(e.getMessage().contains("cat/series"), "the message should name the bar: " + e.getMessage());
    }

    @Test
    @DisplayName("on a log scale a zero bar is refused, since zero has no logarithm")
    void logScaleRejectsZero() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.titled("t").logScale().bar("a", "s", 0));
    }

    @Test
    @DisplayName("on a linear scale a zero bar is fine")
    void linearScaleAcceptsZero() {
        assertNotNull(BarChart.titled("t").bar("a", "s", 0).bar("b", "s", 2).render(300, 200));
    }

    @Test
    @DisplayName("a chart without data renders '(no data)' instead of failing")
    void emptyChart() {
        BufferedImage image = BarChart.titled("").render(900, 500);
        assertEquals(0, count(image, FIRST_SERIES), "an empty chart has no bar");
        // The text sits in the left part of the plot, half-way down: left 80 px, plot 50..410 px.
        assertTrue(nonWhite(image, 80, 200, 300, 260) > 0, "nothing is written where '(no data)' should be");
    }

    @Test
    @DisplayName("writePng writes a PNG that reads back at 900 x 500, creating missing directories")
    void writePng(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("figures/chapter01/latency.png");
        Path written = BarChart.titled("latency").bar("a", "s", 2).bar("b", "s", 3).writePng(file);
        assertEquals(file, written);
        assertTrue(Files.size(file) > 0, "the PNG is empty");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO cannot read the file back as an image");
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
        assertTrue(count(image, FIRST_SERIES) > 0, "the PNG has no bar in it");
    }

    // --- Regression tests: each of these once hung or drew nothing.

    @Test
    @DisplayName("an infinite bar is refused, like NaN")
    void rejectsInfinity() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.titled("t").bar("a", "s", Double.POSITIVE_INFINITY));
    }

    @Test
    @DisplayName("switching to a log scale after a zero bar was added is refused")
    void logScaleAfterZeroBar() {
        BarChart chart = BarChart.titled("t").bar("a", "s", 0).bar("b", "s", 1);
        assertThrows(IllegalArgumentException.class, chart::logScale);
    }

    @Test
    @DisplayName("on a log scale the smallest bar is visible, also when it is an exact power of ten")
    void logScaleSmallestBarVisible() {
        BufferedImage image = BarChart.titled("").logScale().bar("one", "s", 1).bar("hundred", "s", 100).render(900, 500);
        assertTrue(count(image, FIRST_SERIES, 80, 50, 480, 410) > 0, "the bar of 1 is not drawn");
    }
}
