package org.myotrack.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Breaks text into lines that fit a width, measured with the font that will draw them. */
final class WordWrap {

    private WordWrap() {
    }

    /**
     * Splits {@code text} at spaces so that no line is wider than {@code maxWidth}; a word wider than the whole
     * line is cut between characters, and line breaks in the text start a new line. Always returns at least one
     * (possibly empty) line. Every character of {@code text} must have a glyph in {@code font}.
     */
    static List<String> lines(String text, PDFont font, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            lines.add("");
            return lines;
        }
        for (String paragraph : text.split("\\R", -1)) {
            wrapParagraph(paragraph.strip(), font, fontSize, maxWidth, lines);
        }
        return lines;
    }

    static float width(String text, PDFont font, float fontSize) {
        try {
            return font.getStringWidth(text) / 1000f * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wrapParagraph(String paragraph, PDFont font, float fontSize, float maxWidth,
            List<String> lines) {
        if (paragraph.isEmpty()) {
            lines.add("");
            return;
        }
        String current = "";
        for (String word : paragraph.split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, fontSize) <= maxWidth) {
                current = candidate;
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current);
            }
            current = word;
            // A single character wider than the line stays whole: it cannot be cut and must still be printed.
            while (current.codePointCount(0, current.length()) > 1 && width(current, font, fontSize) > maxWidth) {
                int cut = longestFittingPrefix(current, font, fontSize, maxWidth);
                lines.add(current.substring(0, cut));
                current = current.substring(cut);
            }
        }
        lines.add(current);
    }

    /** Length of the longest prefix that fits, never less than one character so wrapping always advances. */
    private static int longestFittingPrefix(String word, PDFont font, float fontSize, float maxWidth) {
        int fitting = word.offsetByCodePoints(0, 1);
        int next = fitting;
        while (next < word.length()) {
            next = word.offsetByCodePoints(next, 1);
            if (width(word.substring(0, next), font, fontSize) > maxWidth) {
                break;
            }
            fitting = next;
        }
        return fitting;
    }
}
