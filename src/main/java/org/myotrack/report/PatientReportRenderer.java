package org.myotrack.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Renders the A4 PDF patient report: header, trend chart, visit table, flags with evidence, therapy history. */
public final class PatientReportRenderer {

    static final String TITLE = "MyoTrack patient report";
    static final String CONFIDENTIAL = "Confidential: contains patient data";
    static final String DE_IDENTIFIED = "De-identified";
    static final String NO_FLAGS = "No refractory flags";
    static final String WORK_UP_TITLE = "Work-up (Lundberg 2021):";
    static final String TO_RECORD_TITLE = "To record, for the rules to judge what they could not:";
    static final String NO_CHART = "No trend chart available";
    static final String NO_VISITS = "No visits recorded";
    static final String NO_THERAPIES = "No therapies recorded";
    private static final String MISSING = "–";
    private static final String VISIT_LEGEND = "PGA physician global activity, PtGA patient global activity and "
            + "EMGA extramuscular global activity (0–10 cm); Strength MMT-8 or CMAS; HAQ or CHAQ; "
            + "TIS total improvement score against the baseline visit, with its response category.";

    private record Field(String label, String value) {
    }

    private PatientReportRenderer() {
    }

    /**
     * Renders the report. The external id is printed only when {@code data.externalId()} is non-null, and the
     * footer then marks every page as confidential; otherwise every page says the report is de-identified.
     *
     * @throws IllegalArgumentException when {@code trendChartPng} is not a readable image
     */
    public static byte[] pdf(PatientReportData data) {
        Objects.requireNonNull(data, "data");
        try (PDDocument document = new PDDocument(); PageFlow flow = new PageFlow(document)) {
            describe(document, data);
            drawHeaderBand(flow, data);
            drawTrendChart(flow, document, data.trendChartPng());
            drawVisits(flow, data.visits());
            drawFlags(flow, data);
            drawTherapies(flow, data.therapies());
            String privacy = data.externalId() != null ? CONFIDENTIAL : DE_IDENTIFIED;
            flow.finish(orMissing(data.registryCode()) + " · " + privacy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the patient report", e);
        }
    }

    /** Document properties carry only the pseudonymous code, since viewers show them outside the page. */
    private static void describe(PDDocument document, PatientReportData data) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(TITLE + " " + orMissing(data.registryCode()));
        information.setCreator("MyoTrack");
    }

    private static void drawHeaderBand(PageFlow flow, PatientReportData data) throws IOException {
        float innerWidth = ReportLayout.TEXT_WIDTH - 2 * ReportLayout.BAND_PADDING;
        float columnWidth = (innerWidth - ReportLayout.BAND_COLUMN_GAP) / 2;
        float lineHeight = PageFlow.lineHeight(ReportLayout.BODY_SIZE);

        List<Field> left = List.of(
                new Field("Registry code:", data.registryCode()),
                new Field("Site:", data.siteCode()),
                new Field("Diagnosis:", diagnosis(data)),
                new Field("Sex:", data.sex()),
                new Field("Birth year:", data.birthYear() == null ? null : data.birthYear().toString()));
        List<Field> right = new ArrayList<>();
        if (data.externalId() != null) {
            right.add(new Field("External id:", data.externalId()));
        }
        right.add(new Field("Generated:", data.generatedOn()));
        right.add(new Field("Rules version:", data.rulesVersion()));
        right.add(new Field("Refractory:", data.refractory() ? "yes" : "no"));
        String serology = data.serology().isEmpty() ? "none recorded" : String.join("; ", data.serology());

        float valueWidth = columnWidth - ReportLayout.BAND_LABEL_WIDTH;
        List<List<String>> leftLines = wrapValues(flow, left, valueWidth);
        List<List<String>> rightLines = wrapValues(flow, right, valueWidth);
        List<String> serologyLines = flow.wrap(serology, ReportLayout.BODY_SIZE,
                innerWidth - ReportLayout.BAND_LABEL_WIDTH);

        int rows = Math.max(left.size(), right.size());
        float[] rowHeights = new float[rows];
        float fieldsHeight = 0;
        for (int row = 0; row < rows; row++) {
            int lines = Math.max(lineCount(leftLines, row), lineCount(rightLines, row));
            rowHeights[row] = lines * lineHeight;
            fieldsHeight += rowHeights[row];
        }
        float titleHeight = PageFlow.lineHeight(ReportLayout.TITLE_SIZE) + ReportLayout.PARAGRAPH_GAP;
        float bandHeight = 2 * ReportLayout.BAND_PADDING + titleHeight + fieldsHeight
                + serologyLines.size() * lineHeight;

        float top = flow.y();
        flow.fillRect(ReportLayout.MARGIN, top - bandHeight, ReportLayout.TEXT_WIDTH, bandHeight,
                ReportLayout.BAND_FILL);
        float x = ReportLayout.MARGIN + ReportLayout.BAND_PADDING;
        float y = top - ReportLayout.BAND_PADDING;
        flow.text(TITLE, x, y - ReportLayout.TITLE_SIZE, ReportLayout.TITLE_SIZE, true, ReportLayout.TEXT);
        y -= titleHeight;
        float rightX = x + columnWidth + ReportLayout.BAND_COLUMN_GAP;
        for (int row = 0; row < rows; row++) {
            if (row < left.size()) {
                drawField(flow, left.get(row).label(), leftLines.get(row), x, y);
            }
            if (row < right.size()) {
                drawField(flow, right.get(row).label(), rightLines.get(row), rightX, y);
            }
            y -= rowHeights[row];
        }
        drawField(flow, "Serology:", serologyLines, x, y);
        flow.moveDown(bandHeight);
    }

    private static String diagnosis(PatientReportData data) {
        StringBuilder text = new StringBuilder(orMissing(data.diagnosis()));
        text.append(data.juvenile() ? ", juvenile onset" : ", adult onset");
        if (data.diagnosisDate() != null) {
            text.append(", diagnosed ").append(data.diagnosisDate());
        }
        return text.toString();
    }

    private static List<List<String>> wrapValues(PageFlow flow, List<Field> fields, float width) {
        List<List<String>> wrapped = new ArrayList<>(fields.size());
        for (Field field : fields) {
            wrapped.add(flow.wrap(orMissing(field.value()), ReportLayout.BODY_SIZE, width));
        }
        return wrapped;
    }

    private static int lineCount(List<List<String>> wrapped, int row) {
        return row < wrapped.size() ? wrapped.get(row).size() : 0;
    }

    private static void drawField(PageFlow flow, String label, List<String> valueLines, float x, float top)
            throws IOException {
        float baseline = top - ReportLayout.BODY_SIZE;
        flow.text(label, x, baseline, ReportLayout.BODY_SIZE, false, ReportLayout.MUTED);
        for (String line : valueLines) {
            flow.text(line, x + ReportLayout.BAND_LABEL_WIDTH, baseline, ReportLayout.BODY_SIZE, true,
                    ReportLayout.TEXT);
            baseline -= PageFlow.lineHeight(ReportLayout.BODY_SIZE);
        }
    }

    private static void drawTrendChart(PageFlow flow, PDDocument document, byte[] png) throws IOException {
        if (png == null) {
            sectionHeading(flow, "Trend chart", PageFlow.lineHeight(ReportLayout.BODY_SIZE));
            paragraph(flow, NO_CHART, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                    ReportLayout.MUTED);
            return;
        }
        PDImageXObject image = decode(document, png);
        float width = ReportLayout.TEXT_WIDTH;
        float height = width * image.getHeight() / image.getWidth();
        // A very tall image is shrunk to fit one page below its heading rather than cut.
        float maxHeight = PageFlow.pageContentHeight() - headingHeight();
        if (height > maxHeight) {
            width = width * maxHeight / height;
            height = maxHeight;
        }
        sectionHeading(flow, "Trend chart", height);
        float x = ReportLayout.MARGIN + (ReportLayout.TEXT_WIDTH - width) / 2;
        flow.image(image, x, flow.y() - height, width, height);
        flow.moveDown(height);
    }

    private static PDImageXObject decode(PDDocument document, byte[] png) {
        try {
            return PDImageXObject.createFromByteArray(document, png, "trend-chart.png");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("trendChartPng is not a readable image", e);
        }
    }

    private static void drawVisits(PageFlow flow, List<ReportVisitRow> visits) throws IOException {
        sectionHeading(flow, "Visits and total improvement score", 3 * PageFlow.lineHeight(ReportLayout.TABLE_SIZE));
        paragraph(flow, VISIT_LEGEND, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.TABLE_SIZE,
                ReportLayout.MUTED);
        flow.moveDown(ReportLayout.PARAGRAPH_GAP);
        if (visits.isEmpty()) {
            paragraph(flow, NO_VISITS, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                    ReportLayout.MUTED);
            return;
        }
        List<List<String>> rows = new ArrayList<>(visits.size());
        for (ReportVisitRow visit : visits) {
            rows.add(cells(visit.date(), visit.physicianGlobal(), visit.patientGlobal(), visit.strength(),
                    visit.haq(), visit.extramuscular(), visit.ck(), visit.tis(), visit.response()));
        }
        new ReportTable(ReportLayout.VISIT_COLUMNS).draw(flow, rows);
    }

    private static void drawFlags(PageFlow flow, PatientReportData data) throws IOException {
        float bodyLine = PageFlow.lineHeight(ReportLayout.BODY_SIZE);
        sectionHeading(flow, "Flags", 2 * bodyLine);
        String status = (data.refractory() ? "Refractory" : "Not refractory")
                + " under rules version " + orMissing(data.rulesVersion());
        paragraph(flow, status, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                ReportLayout.TEXT);
        if (data.flags().isEmpty()) {
            flow.moveDown(ReportLayout.PARAGRAPH_GAP);
            paragraph(flow, NO_FLAGS, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                    ReportLayout.MUTED);
            drawToRecord(flow, data.toRecord());
            return;
        }
        for (ReportFlag flag : data.flags()) {
            flow.moveDown(ReportLayout.PARAGRAPH_GAP);
            drawFlag(flow, flag);
        }
        drawToRecord(flow, data.toRecord());
    }

    /** What the rules could not judge for want of an input, as the patient page lists it under "To record". */
    private static void drawToRecord(PageFlow flow, List<String> toRecord) throws IOException {
        if (toRecord.isEmpty()) {
            return;
        }
        flow.moveDown(ReportLayout.PARAGRAPH_GAP);
        paragraph(flow, TO_RECORD_TITLE, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                ReportLayout.TEXT);
        for (String item : toRecord) {
            listItem(flow, "•", item);
        }
    }

    private static void drawFlag(PageFlow flow, ReportFlag flag) throws IOException {
        float bodyLine = PageFlow.lineHeight(ReportLayout.BODY_SIZE);
        // The code line travels with the first line of its message.
        flow.ensureSpace(2 * bodyLine);
        String code = orMissing(flag.code());
        float baseline = flow.y() - ReportLayout.BODY_SIZE;
        flow.text(code, ReportLayout.MARGIN, baseline, ReportLayout.BODY_SIZE, true, ReportLayout.FLAG_ACCENT);
        float sinceX = ReportLayout.MARGIN + flow.width(code + "  ", ReportLayout.BODY_SIZE);
        flow.text("since " + orMissing(flag.since()), sinceX, baseline, ReportLayout.BODY_SIZE, false,
                ReportLayout.MUTED);
        flow.moveDown(bodyLine);
        paragraph(flow, orMissing(flag.message()), ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH,
                ReportLayout.BODY_SIZE, ReportLayout.TEXT);
        if (!flag.workUp().isEmpty()) {
            paragraph(flow, WORK_UP_TITLE, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                    ReportLayout.TEXT);
            for (int step = 0; step < flag.workUp().size(); step++) {
                listItem(flow, (step + 1) + ".", flag.workUp().get(step));
            }
        }
        for (String evidence : flag.evidence()) {
            listItem(flow, "•", evidence);
        }
        if (flag.reference() != null) {
            paragraph(flow, "Reference: " + flag.reference(), ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH,
                    ReportLayout.TABLE_SIZE, ReportLayout.MUTED);
        }
    }

    /** One item of a list, its marker in the indent and its text wrapped beside it. */
    private static void listItem(PageFlow flow, String marker, String text) throws IOException {
        float bodyLine = PageFlow.lineHeight(ReportLayout.BODY_SIZE);
        float textX = ReportLayout.MARGIN + ReportLayout.BULLET_INDENT;
        List<String> lines = flow.wrap(text, ReportLayout.BODY_SIZE, ReportLayout.TEXT_WIDTH - ReportLayout.BULLET_INDENT);
        for (int index = 0; index < lines.size(); index++) {
            flow.ensureSpace(bodyLine);
            float lineBaseline = flow.y() - ReportLayout.BODY_SIZE;
            if (index == 0) {
                flow.text(marker, ReportLayout.MARGIN + ReportLayout.BULLET_INDENT / 3, lineBaseline,
                        ReportLayout.BODY_SIZE, false, ReportLayout.TEXT);
            }
            flow.text(lines.get(index), textX, lineBaseline, ReportLayout.BODY_SIZE, false, ReportLayout.TEXT);
            flow.moveDown(bodyLine);
        }
    }

    private static void drawTherapies(PageFlow flow, List<ReportTherapyRow> therapies) throws IOException {
        sectionHeading(flow, "Therapy history", 3 * PageFlow.lineHeight(ReportLayout.TABLE_SIZE));
        if (therapies.isEmpty()) {
            paragraph(flow, NO_THERAPIES, ReportLayout.MARGIN, ReportLayout.TEXT_WIDTH, ReportLayout.BODY_SIZE,
                    ReportLayout.MUTED);
            return;
        }
        List<List<String>> rows = new ArrayList<>(therapies.size());
        for (ReportTherapyRow therapy : therapies) {
            rows.add(cells(therapy.drug(), therapy.dose(), therapy.start(), therapy.end(), therapy.stopReason()));
        }
        new ReportTable(ReportLayout.THERAPY_COLUMNS).draw(flow, rows);
    }

    private static float headingHeight() {
        return ReportLayout.SECTION_GAP + PageFlow.lineHeight(ReportLayout.SECTION_SIZE) + ReportLayout.PARAGRAPH_GAP;
    }

    /** Draws a section heading, moving to a new page first unless {@code keepWithNext} points fit beneath it. */
    private static void sectionHeading(PageFlow flow, String title, float keepWithNext) throws IOException {
        if (!flow.fits(headingHeight() + keepWithNext)) {
            flow.newPage();
        } else {
            flow.moveDown(ReportLayout.SECTION_GAP);
        }
        float lineHeight = PageFlow.lineHeight(ReportLayout.SECTION_SIZE);
        flow.text(title, ReportLayout.MARGIN, flow.y() - ReportLayout.SECTION_SIZE, ReportLayout.SECTION_SIZE, true,
                ReportLayout.TEXT);
        flow.moveDown(lineHeight);
        flow.horizontalRule(ReportLayout.MARGIN, flow.y() + 1, ReportLayout.TEXT_WIDTH, ReportLayout.RULE);
        flow.moveDown(ReportLayout.PARAGRAPH_GAP);
    }

    /** Draws wrapped text line by line, so a long paragraph continues on the next page. */
    private static void paragraph(PageFlow flow, String text, float x, float width, float fontSize, Color colour)
            throws IOException {
        float lineHeight = PageFlow.lineHeight(fontSize);
        for (String line : flow.wrap(text, fontSize, width)) {
            flow.ensureSpace(lineHeight);
            flow.text(line, x, flow.y() - fontSize, fontSize, false, colour);
            flow.moveDown(lineHeight);
        }
    }

    private static List<String> cells(String... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (String value : values) {
            cells.add(orMissing(value));
        }
        return cells;
    }

    private static String orMissing(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }
}
