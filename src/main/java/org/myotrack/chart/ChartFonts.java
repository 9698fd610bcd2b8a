package org.myotrack.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/** The bundled Liberation Sans font that every chart text is drawn with, so output never depends on system fonts. */
public final class ChartFonts {

    /** Shipped inside the PDFBox jar, which the report module needs anyway. */
    static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private ChartFonts() {
    }

    /** The font at its default size; derive sizes and styles from it. */
    public static Font base() {
        return Holder.BASE;
    }

    /** The plain font at the given size in points. */
    public static Font regular(float size) {
        return Holder.BASE.deriveFont(Font.PLAIN, size);
    }

    /** The bold font at the given size; Java2D emboldens the regular face, since only that one is bundled. */
    public static Font bold(float size) {
        return Holder.BASE.deriveFont(Font.BOLD, size);
    }

    /** Lazy holder: the JVM initialises it once, on first use, safely across threads. */
    private static final class Holder {
        static final Font BASE = load();
    }

    private static Font load() {
        try (InputStream in = ChartFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Chart font " + RESOURCE + " is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Chart font " + RESOURCE + " cannot be read", e);
        }
    }
}
