package org.syncbook.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grouped bar chart rendered with Java2D into a PNG-ready image: categories along the bottom,
 * one coloured bar per series in each category, an optional logarithmic value axis (wake-up
 * latencies span 0.1 µs to milliseconds). No dependencies, so notebooks, benchmarks and the book's
 * figure scripts all draw with it, and a notebook shows the chart by ending a cell with
 * {@link #render()}.
 *
 * <pre>{@code
 * BarChart.titled("Wake latency, median").valueAxis("µs").logScale()
 *         .bar("ParkFlag", "two CPUs", 52.0).bar("ParkFlag", "same CPU", 7.5)
 *         .render();
 * }</pre>
 */
public final class BarChart {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    }; // ten: chapter 4's figure has seven locks, and a colour used twice would name two

    private final String title;
    private String valueAxis = "";
    private boolean log;
    private final Map<String, Map<String, Double>> values = new LinkedHashMap<>(); // category -> series -> value
    private final List<String> series = new ArrayList<>();

    private BarChart(String title) {
        this.title = title;
    }

    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    /** The label of the value axis, e.g. {@code "µs"}. */
    public BarChart valueAxis(String label) {
        this.valueAxis = label;
        return this;
    }

    /** A logarithmic value axis (powers of ten); every value must then be positive. */
    public BarChart logScale() {
        values.forEach((category, bars) -> bars.forEach((name, v) -> {
            if (v == 0) {
                throw new IllegalArgumentException("bar " + category + "/" + name + " is 0, which a log scale cannot show");
            }
        }));
        this.log = true;
        return this;
    }

    /** Adds one bar. */
    public BarChart bar(String category, String seriesName, double value) {
        if (!Double.isFinite(value) || value < 0 || (log && value == 0)) {
            throw new IllegalArgumentException("bar " + category + "/" + seriesName + " has value " + value
                    + (log ? ": a log scale needs positive values" : ": values must be >= 0"));
        }
        values.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(seriesName, value);
        if (!series.contains(seriesName)) {
            series.add(seriesName);
        }
        return this;
    }

    /** Renders at 900 x 500 pixels. */
    public BufferedImage render() {
        return render(900, 500);
    }

    public BufferedImage render(int width, int height) {
        return Canvas.paint(width, height, this::draw);
    }

    /** Writes the chart as a PNG file, creating parent directories. */
    public Path writePng(Path file) {
        return Canvas.writePng(render(), file);
    }

    private void draw(Graphics2D g, int width, int height) {
        int left = 80, right = 20, top = 50, bottom = 90;
        int plotW = width - left - right, plotH = height - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, left, 30);
        if (values.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString("(no data)", left, top + plotH / 2);
            return;
        }

        double max = values.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).max().orElse(1);
        double min = values.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).min().orElse(1);
        Axis axis = log ? Axis.log(min, max) : Axis.linear(max);

        // grid and ticks
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double tick : axis.ticks()) {
            int y = top + plotH - (int) Math.round(axis.fraction(tick) * plotH);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = Axis.format(tick);
            g.drawString(label, left - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.rotate(-Math.PI / 2);
        g.drawString(valueAxis + (log ? " (log scale)" : ""), -(top + plotH / 2) - fm.stringWidth(valueAxis) / 2, 20);
        g.rotate(Math.PI / 2);

        // bars
        int groups = values.size();
        double groupW = (double) plotW / groups;
        double barW = groupW * 0.8 / series.size();
        int gi = 0;
        for (Map.Entry<String, Map<String, Double>> category : values.entrySet()) {
            double x0 = left + gi * groupW + groupW * 0.1;
            for (int si = 0; si < series.size(); si++) {
                Double v = category.getValue().get(series.get(si));
                if (v == null) {
                    continue;
                }
                int h = (int) Math.round(axis.fraction(v) * plotH);
                int x = (int) Math.round(x0 + si * barW);
                g.setColor(PALETTE[si % PALETTE.length]);
                g.fillRect(x, top + plotH - h, (int) Math.max(1, barW - 2), h);
                g.setColor(Color.BLACK);
                String label = Axis.format(v);
                if (fm.stringWidth(label) <= barW + 6) {
                    g.drawString(label, x + (int) (barW - 2 - fm.stringWidth(label)) / 2, top + plotH - h - 3);
                }
            }
            String name = category.getKey();
            g.drawString(name, (int) (left + gi * groupW + (groupW - fm.stringWidth(name)) / 2), top + plotH + 18);
            gi++;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.drawLine(left, top, left, top + plotH);

        // legend
        int lx = left;
        int ly = height - 30;
        for (int si = 0; si < series.size(); si++) {
            g.setColor(PALETTE[si % PALETTE.length]);
            g.fillRect(lx, ly - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(series.get(si), lx + 20, ly);
            lx += 40 + fm.stringWidth(series.get(si));
        }
    }

    /** Maps values to a 0..1 fraction of the plot height. */
    private abstract static class Axis {
        abstract double fraction(double v);

        abstract List<Double> ticks();

        static Axis linear(double max) {
            double step = Math.pow(10, Math.floor(Math.log10(max)));
            if (max / step < 3) {
                step /= 2;
            }
            double top = Math.ceil(max / step) * step;
            double s = step;
            return new Axis() {
                double fraction(double v) {
                    return v / top;
                }

                List<Double> ticks() {
                    List<Double> t = new ArrayList<>();
                    for (double v = 0; v <= top + s / 2; v += s) {
                        t.add(v);
                    }
                    return t;
                }
            };
        }

        static Axis log(double min, double max) {
            // one decade below an exact power of ten, so the smallest bar is never 0 px tall
            double lo = Math.floor(Math.log10(min)) - (Math.log10(min) % 1 == 0 ? 1 : 0);
            double hi = Math.ceil(Math.log10(max)) + (Math.log10(max) % 1 == 0 ? 0.3 : 0);
            return new Axis() {
                double fraction(double v) {
                    return (Math.log10(v) - lo) / (hi - lo);
                }

                List<Double> ticks() {
                    List<Double> t = new ArrayList<>();
                    for (int e = (int) lo; e <= hi; e++) {
                        t.add(Math.pow(10, e));
                    }
                    return t;
                }
            };
        }

        static String format(double v) {
            if (v == 0) {
                return "0";
            }
            if (v >= 100 || v == Math.rint(v)) {
                return String.format("%,.0f", v);
            }
            return v >= 1 ? String.format("%.1f", v) : String.format("%.2g", v);
        }
    }
}
