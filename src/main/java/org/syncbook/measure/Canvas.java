package org.syncbook.measure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the charts share: a white, antialiased image to draw on, and writing one as a PNG file. */
final class Canvas {
    /** Draws a chart on a canvas of the given size. */
    @FunctionalInterface
    interface Drawing {
        void draw(Graphics2D g, int width, int height);
    }

    private Canvas() {
    }

    static BufferedImage paint(int width, int height, Drawing drawing) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawing.draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code image} to {@code file} as a PNG, creating parent directories. */
    static Path writePng(BufferedImage image, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + file, e);
        }
    }
}
