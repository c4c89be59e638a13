package org.syncbook.measure;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Timeline} with Java2D: one row per thread, time along the bottom in milliseconds,
 * a bar for each interval (reads blue, writes red, a writer's wait a light grey bar behind its
 * row's line). Like {@link BarChart}, no dependencies: a notebook shows it by ending a cell with
 * {@link #render()}, the book's figure script writes it with {@link #writePng}.
 */
public final class TimelineChart {
    static final Map<Timeline.Kind, Color> COLOURS = Map.of(
            Timeline.Kind.READ, new Color(0x1f77b4),
            Timeline.Kind.WRITE, new Color(0xd62728),
            Timeline.Kind.WAIT, new Color(0xcccccc));
    static final int LEFT = 90;
    static final int RIGHT = 20;
    static final int TOP = 50;
    static final int BOTTOM = 70;

    private final Timeline timeline;

    private TimelineChart(Timeline timeline) {
        this.timeline = timeline;
    }

    public static TimelineChart of(Timeline timeline) {
        return new TimelineChart(timeline);
    }

    /** Renders at 900 x 360 pixels. */
    public BufferedImage render() {
        return render(900, 360);
    }

    public BufferedImage render(int width, int height) {
        return Canvas.paint(width, height, this::draw);
    }

    /** Writes the chart as a PNG file, creating parent directories. */
    public Path writePng(Path file) {
        return Canvas.writePng(render(), file);
    }

    /** The x pixel of {@code nanos} on a plot {@code plotW} wide whose right edge is {@code endNanos}. */
    static int x(long nanos, long endNanos, int plotW) {
        return LEFT + (int) Math.round((double) nanos / Math.max(1, endNanos) * plotW);
    }

    private void draw(Graphics2D g, int width, int height) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(timeline.title(), LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        List<String> rows = timeline.threads();
        long end = timeline.endNanos();
        if (rows.isEmpty()) {
            g.drawString("(no data)", LEFT, TOP + plotH / 2);
            return;
        }
        double rowH = (double) plotH / rows.size();
        for (int r = 0; r < rows.size(); r++) {
            int y = (int) Math.round(TOP + r * rowH + rowH / 2);
            g.setColor(Color.DARK_GRAY);
            g.drawString(rows.get(r), LEFT - 8 - fm.stringWidth(rows.get(r)), y + fm.getAscent() / 2 - 1);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        int barH = (int) Math.max(2, Math.round(rowH * 0.6));
        for (Timeline.Kind kind : List.of(Timeline.Kind.WAIT, Timeline.Kind.READ, Timeline.Kind.WRITE)) { // waits behind
            g.setColor(COLOURS.get(kind));
            for (Timeline.Interval i : timeline.of(kind)) {
                int r = rows.indexOf(i.thread());
                int y = (int) Math.round(TOP + r * rowH + (rowH - barH) / 2);
                int x0 = x(i.startNanos(), end, plotW);
                int x1 = Math.max(x0 + 1, x(i.endNanos(), end, plotW)); // a hold shorter than a pixel still shows
                int gap = x1 - x0 > 3 ? 1 : 0; // back-to-back holds stay apart by a white pixel
                g.fillRect(x0, y, x1 - x0 - gap, barH);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        double stepMs = niceStep(end / 1e6);
        for (double ms = 0; ms * 1e6 <= end; ms += stepMs) {
            int x = x(Math.round(ms * 1e6), end, plotW);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
            String label = ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 18);
        }
        g.drawString("ms", LEFT + plotW - fm.stringWidth("ms"), TOP + plotH + 34);
        int lx = LEFT;
        int ly = height - 14;
        for (Timeline.Kind kind : Timeline.Kind.values()) {
            String label = kind == Timeline.Kind.READ ? "read lock held" : kind == Timeline.Kind.WRITE ? "write lock held"
                    : "writer waiting";
            g.setColor(COLOURS.get(kind));
            g.fillRect(lx, ly - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(label, lx + 20, ly);
            lx += 40 + fm.stringWidth(label);
        }
    }

    /** A tick step of 1, 2 or 5 times a power of ten, giving 4 to 10 ticks over {@code span}. */
    static double niceStep(double span) {
        if (span <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(span)));
        if (span / step < 4) {
            step /= 5;
            if (span / (step * 2) >= 4) {
                step *= 2;
            }
        }
        return step;
    }
}
