package org.myotrack.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Lays report content top-down across as many A4 pages as it needs, drawing with the embedded font. */
final class PageFlow implements AutoCloseable {

    private static final byte[] FONT_BYTES = readFont();

    private final PDDocument document;
    private final TrueTypeFont trueTypeFont;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphPresent = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PageFlow(PDDocument document) throws IOException {
        this.document = document;
        this.trueTypeFont = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
        // Glyph substitution (ligatures) adds nothing to Latin report text and PDFBox 3 applies it with regular
        // expressions on every showText, which made a three-page report take half a second.
        trueTypeFont.setEnableGsub(false);
        // Subset embedding keeps the file small while the text stays real, searchable Unicode.
        this.font = PDType0Font.load(document, trueTypeFont, true);
        newPage();
    }

    float y() {
        return y;
    }

    void moveDown(float distance) {
        y -= distance;
    }

    /** Whether {@code height} more points fit above the footer of the current page. */
    boolean fits(float height) {
        return y - height >= ReportLayout.CONTENT_BOTTOM;
    }

    void ensureSpace(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    /** Height available on an empty page, the most any single block may take. */
    static float pageContentHeight() {
        return ReportLayout.CONTENT_TOP - ReportLayout.CONTENT_BOTTOM;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(ReportLayout.PAGE_SIZE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = ReportLayout.CONTENT_TOP;
    }

    static float lineHeight(float fontSize) {
        return fontSize * ReportLayout.LEADING;
    }

    float width(String text, float fontSize) {
        return WordWrap.width(printable(text, false), font, fontSize);
    }

    List<String> wrap(String text, float fontSize, float maxWidth) {
        return WordWrap.lines(printable(text, true), font, fontSize, maxWidth);
    }

    void text(String text, float x, float baseline, float fontSize, boolean bold, Color colour) throws IOException {
        drawText(stream, printable(text, false), x, baseline, fontSize, bold, colour);
    }

    void fillRect(float x, float bottom, float width, float height, Color colour) throws IOException {
        stream.setNonStrokingColor(colour);
        stream.addRect(x, bottom, width, height);
        stream.fill();
    }

    void horizontalRule(float x, float atY, float width, Color colour) throws IOException {
        stream.setStrokingColor(colour);
        stream.setLineWidth(ReportLayout.RULE_WIDTH);
        stream.moveTo(x, atY);
        stream.lineTo(x + width, atY);
        stream.stroke();
    }

    void image(PDImageXObject image, float x, float bottom, float width, float height) throws IOException {
        stream.drawImage(image, x, bottom, width, height);
    }

    /**
     * Closes the last page and writes the footer on every page: {@code leftText} at the left and "page X of Y"
     * at the right, which needs the final page count and so can only happen once all content is laid out.
     */
    void finish(String leftText) throws IOException {
        stream.close();
        stream = null;
        int pageCount = document.getNumberOfPages();
        String left = printable(leftText, false);
        float baseline = ReportLayout.MARGIN;
        float ruleY = baseline + lineHeight(ReportLayout.FOOTER_SIZE);
        for (int index = 0; index < pageCount; index++) {
            PDPage page = document.getPage(index);
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.setStrokingColor(ReportLayout.RULE);
                footer.setLineWidth(ReportLayout.RULE_WIDTH);
                footer.moveTo(ReportLayout.MARGIN, ruleY);
                footer.lineTo(ReportLayout.MARGIN + ReportLayout.TEXT_WIDTH, ruleY);
                footer.stroke();
                drawText(footer, left, ReportLayout.MARGIN, baseline, ReportLayout.FOOTER_SIZE, false,
                        ReportLayout.MUTED);
                String pageNumber = "page " + (index + 1) + " of " + pageCount;
                float numberWidth = WordWrap.width(pageNumber, font, ReportLayout.FOOTER_SIZE);
                drawText(footer, pageNumber, ReportLayout.MARGIN + ReportLayout.TEXT_WIDTH - numberWidth, baseline,
                        ReportLayout.FOOTER_SIZE, false, ReportLayout.MUTED);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        } finally {
            trueTypeFont.close();
        }
    }

    private void drawText(PDPageContentStream target, String text, float x, float baseline, float fontSize,
            boolean bold, Color colour) throws IOException {
        target.beginText();
        target.setFont(font, fontSize);
        target.setNonStrokingColor(colour);
        if (bold) {
            target.setRenderingMode(RenderingMode.FILL_STROKE);
            target.setStrokingColor(colour);
            target.setLineWidth(fontSize * ReportLayout.BOLD_STROKE);
        }
        target.newLineAtOffset(x, baseline);
        target.showText(text);
        if (bold) {
            target.setRenderingMode(RenderingMode.FILL);
        }
        target.endText();
    }

    /**
     * Replaces what the font cannot draw (control characters, scripts Liberation Sans lacks) with "?" so one odd
     * character in a free-text field cannot make the whole report fail. Line breaks survive only for wrapping;
     * a single drawn line gets a space instead.
     */
    private String printable(String text, boolean keepLineBreaks) {
        if (text == null) {
            return "";
        }
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (keepLineBreaks && (codePoint == '\n' || codePoint == '\r')) {
                result.appendCodePoint(codePoint);
            } else if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                result.append(' ');
            } else if (glyphPresent.computeIfAbsent(codePoint, this::hasGlyph)) {
                result.appendCodePoint(codePoint);
            } else {
                result.append('?');
            }
        });
        return result.toString();
    }

    private boolean hasGlyph(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] readFont() {
        try (InputStream in = PageFlow.class.getResourceAsStream(ReportLayout.FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox font resource missing: " + ReportLayout.FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
