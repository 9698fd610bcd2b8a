package org.myotrack.report;

import java.awt.Color;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Page geometry, type sizes, table columns and colours of the PDF patient report (reports/layout/patient-report.md). */
final class ReportLayout {

    static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    /** 15 mm in PDF points (1/72 inch): wide enough for office printers, narrow enough for a nine-column table. */
    static final float MARGIN = 15f * 72f / 25.4f;
    static final float TEXT_WIDTH = PAGE_SIZE.getWidth() - 2 * MARGIN;
    static final float CONTENT_TOP = PAGE_SIZE.getHeight() - MARGIN;
    /** Space kept free above the bottom margin for the footer rule and line. */
    static final float FOOTER_HEIGHT = 22f;
    static final float CONTENT_BOTTOM = MARGIN + FOOTER_HEIGHT;

    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final float TITLE_SIZE = 16f;
    static final float SECTION_SIZE = 11.5f;
    static final float BODY_SIZE = 9f;
    static final float TABLE_SIZE = 8f;
    static final float FOOTER_SIZE = 7.5f;
    /** Baseline-to-baseline distance as a multiple of the font size. */
    static final float LEADING = 1.3f;
    /**
     * Width of the outline stroked around simulated-bold glyphs, as a fraction of the font size; the report embeds
     * a single regular face, and fill-plus-stroke keeps headings real, searchable text.
     */
    static final float BOLD_STROKE = 0.035f;

    static final float SECTION_GAP = 14f;
    static final float PARAGRAPH_GAP = 5f;
    static final float BAND_PADDING = 8f;
    static final float BAND_LABEL_WIDTH = 78f;
    static final float BAND_COLUMN_GAP = 14f;
    static final float CELL_PADDING = 3f;
    static final float BULLET_INDENT = 12f;
    static final float RULE_WIDTH = 0.5f;

    static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0x99, 0x99, 0x99);
    static final Color BAND_FILL = new Color(0xE8, 0xEE, 0xF5);
    static final Color TABLE_HEADER_FILL = new Color(0xD5, 0xDF, 0xEB);
    static final Color ZEBRA_FILL = new Color(0xF5, 0xF7, 0xFA);
    /** Okabe–Ito vermillion: stands out for flag codes and stays distinct under the common colour-vision deficiencies. */
    static final Color FLAG_ACCENT = new Color(0xD5, 0x5E, 0x00);

    /** Visit table columns; weights are shares of the text width, sized so "2400 (12.0 × ULN)" and "INCOMPLETE" fit. */
    static final List<ReportTable.Column> VISIT_COLUMNS = List.of(
            new ReportTable.Column("Date", 10.5f),
            new ReportTable.Column("PGA", 5.5f),
            new ReportTable.Column("PtGA", 5.5f),
            new ReportTable.Column("Strength", 9f),
            new ReportTable.Column("HAQ", 5.5f),
            new ReportTable.Column("EMGA", 6f),
            new ReportTable.Column("CK", 16f),
            new ReportTable.Column("TIS", 6.5f),
            new ReportTable.Column("Response", 11f));

    static final List<ReportTable.Column> THERAPY_COLUMNS = List.of(
            new ReportTable.Column("Drug", 20f),
            new ReportTable.Column("Dose", 24f),
            new ReportTable.Column("Start", 11f),
            new ReportTable.Column("End", 11f),
            new ReportTable.Column("Stop reason", 20f));

    private ReportLayout() {
    }
}
