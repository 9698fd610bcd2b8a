package org.myotrack.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.myotrack.report.ReportFixtures.DRUGS;
import static org.myotrack.report.ReportFixtures.EXTERNAL_ID;
import static org.myotrack.report.ReportFixtures.FLAG_CODES;
import static org.myotrack.report.ReportFixtures.REGISTRY_CODE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatientReportRendererTest {

    private static final String VISIT_HEADER = "Date PGA PtGA Strength HAQ EMGA CK TIS Response";
    private static final String THERAPY_HEADER = "Drug Dose Start End Stop reason";
    private static final Pattern VISIT_DATE = Pattern.compile("^(\\d{4}-\\d{2}-01) \\d", Pattern.MULTILINE);

    private static byte[] clinicianPdf;
    private static List<String> clinicianPages;
    private static List<String> coordinatorPages;

    @BeforeAll
    static void renderRealisticReports() throws IOException {
        clinicianPdf = PatientReportRenderer.pdf(ReportFixtures.report(EXTERNAL_ID, 30));
        clinicianPages = pageTexts(clinicianPdf);
        coordinatorPages = pageTexts(PatientReportRenderer.pdf(ReportFixtures.report(null, 30)));
    }

    @Test
    void shouldPrintTitleRegistryCodeSiteDiagnosisAndSerologyInHeader() {
        String firstPage = clinicianPages.get(0);

        assertThat(firstPage).contains("MyoTrack patient report", "Registry code: " + REGISTRY_CODE,
                "Site: DEMO-A", "Diagnosis: PM, adult onset, diagnosed 2019-02-01", "Sex: FEMALE",
                "Birth year: 1983", "JO1 POSITIVE (2019-01-20); RO52 POSITIVE (2019-01-20)",
                "Generated: 2024-05-06", "Rules version: 2", "Refractory: yes");
    }

    @Test
    void shouldShowExternalIdAndMarkEveryPageConfidentialForClinicians() {
        assertThat(clinicianPages.get(0)).contains("External id: " + EXTERNAL_ID);
        assertThat(clinicianPages).allSatisfy(page -> assertThat(page)
                .contains(REGISTRY_CODE + " · Confidential: contains patient data")
                .doesNotContain("De-identified"));
    }

    @Test
    void shouldLeaveOutExternalIdAndMarkEveryPageDeidentifiedForCoordinators() {
        assertThat(String.join("\n", coordinatorPages)).doesNotContain(EXTERNAL_ID).doesNotContain("External id");
        assertThat(coordinatorPages).allSatisfy(page -> assertThat(page)
                .contains(REGISTRY_CODE + " · De-identified")
                .doesNotContain("Confidential"));
        assertThat(coordinatorPages.get(0)).contains("Registry code: " + REGISTRY_CODE);
    }

    @Test
    void shouldPrintEveryVisitWithItsCoreSetTisAndResponse() {
        String text = String.join("\n", clinicianPages);

        for (int index = 1; index < 30; index++) {
            assertThat(text).containsPattern(Pattern.quote(ReportFixtures.visitDate(index)) + " .* "
                    + Pattern.quote(ReportFixtures.tis(index)) + " (NONE|MINIMAL|MODERATE|MAJOR)");
        }
        assertThat(text).contains(VISIT_HEADER, "2019-02-01 6.0 7.0 120/150 1.500 4.0 2400 (12.0 × ULN) – –",
                "72.5 MAJOR");
    }

    @Test
    void shouldListEachFlagWithMessageEvidenceAndReference() {
        String text = String.join("\n", clinicianPages);

        assertThat(text).contains("Refractory under rules version 2");
        for (String code : FLAG_CODES) {
            assertThat(text).contains(code + " since ");
        }
        assertThat(text).contains("INADEQUATE_RESPONSE since 2019-08-01",
                "after ≥ 6 months of glucocorticoid",
                "• PREDNISONE 60 MG DAILY ORAL from 2019-02-01",
                "• MYCOPHENOLATE stopped 2020-09-01 for INEFFICACY",
                "Reference: Oddis et al., Arthritis Rheum 2013 (RIM)",
                "Reference: Oldroyd et al., Rheumatology (BSR guideline) 2022")
                .doesNotContain(PatientReportRenderer.NO_FLAGS);
    }

    @Test
    void shouldSayNoRefractoryFlagsWhenNoneAreActive() throws IOException {
        PatientReportData data = ReportFixtures.withFlags(ReportFixtures.report(null, 3), List.of(), false);

        String text = String.join("\n", pageTexts(PatientReportRenderer.pdf(data)));

        assertThat(text).contains("Not refractory under rules version 2", PatientReportRenderer.NO_FLAGS,
                "Refractory: no");
        assertThat(FLAG_CODES).allSatisfy(code -> assertThat(text).doesNotContain(code));
    }

    @Test
    void shouldListEveryDrugOfTheTherapyHistoryUnderItsHeaders() {
        String text = String.join("\n", clinicianPages);

        assertThat(text).contains(THERAPY_HEADER);
        String therapySection = text.substring(text.indexOf(THERAPY_HEADER));
        assertThat(DRUGS).allSatisfy(drug -> assertThat(therapySection).contains(drug));
        assertThat(therapySection).contains("AZATHIOPRINE 150 MG DAILY ORAL 2019-08-01 2020-01-01 INTOLERANCE:",
                "RITUXIMAB 1 G ONCE IV 2020-05-01 – –");
    }

    @Test
    void shouldRepeatVisitTableHeaderOnEveryPageTheTableSpans() throws IOException {
        List<String> pages = pageTexts(PatientReportRenderer.pdf(ReportFixtures.report(null, 120)));

        List<String> pagesWithVisits = pages.stream().filter(page -> VISIT_DATE.matcher(page).find()).toList();
        assertThat(pagesWithVisits).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(page -> assertThat(page).contains(VISIT_HEADER));
        List<String> printedDates = new ArrayList<>();
        for (String page : pagesWithVisits) {
            Matcher matcher = VISIT_DATE.matcher(page);
            while (matcher.find()) {
                printedDates.add(matcher.group(1));
            }
        }
        assertThat(printedDates).hasSize(120).doesNotHaveDuplicates()
                .startsWith(ReportFixtures.visitDate(0)).endsWith(ReportFixtures.visitDate(119));
    }

    @Test
    void shouldNumberEveryPageAsPageXOfY() {
        int pageCount = clinicianPages.size();

        assertThat(pageCount).isGreaterThan(1);
        for (int index = 0; index < pageCount; index++) {
            assertThat(clinicianPages.get(index)).contains("page " + (index + 1) + " of " + pageCount);
        }
    }

    @Test
    void shouldEmbedTrendChartAsImageOnFirstPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(clinicianPdf)) {
            List<PDImageXObject> images = images(document.getPage(0));

            assertThat(images).hasSize(1);
            assertThat(images.get(0).getWidth()).isEqualTo(ReportFixtures.CHART_WIDTH);
            assertThat(images.get(0).getHeight()).isEqualTo(ReportFixtures.CHART_HEIGHT);
        }
    }

    @Test
    void shouldSaySoWhenThereIsNoTrendChart() throws IOException {
        byte[] pdf = PatientReportRenderer.pdf(ReportFixtures.withChart(ReportFixtures.report(null, 3), null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(images(document.getPage(0))).isEmpty();
        }
        assertThat(pageTexts(pdf).get(0)).contains(PatientReportRenderer.NO_CHART);
    }

    @Test
    void shouldRefuseChartBytesThatAreNotAnImage() {
        PatientReportData data = ReportFixtures.withChart(ReportFixtures.report(null, 3), new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> PatientReportRenderer.pdf(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trendChartPng");
    }

    @Test
    void shouldWriteSearchableTextInAnEmbeddedUnicodeFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(clinicianPdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }

            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            });
        }
        assertThat(String.join("\n", clinicianPages)).contains("× ULN", "≥ 6 months", "– –", "0–10 cm", "·");
    }

    @Test
    void shouldPrintOnA4PortraitPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(clinicianPdf)) {
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            }
        }
    }

    @Test
    void shouldKeepEveryCharacterInsideTheMargins() throws IOException {
        PatientReportData data = ReportFixtures.withFlags(ReportFixtures.report(EXTERNAL_ID, 30), List.of(
                new ReportFlag("CONSIDER_IBM", "2021-01-01", "Slowly progressive weakness of finger flexors and "
                        .repeat(12), List.of("re-check the diagnosis (biopsy review, myositis antibodies, EMG) ".repeat(6)), List.of("Biopsy 2020-11-02: rimmed vacuoles, ".repeat(10)), "Lloyd et al. "
                        .repeat(20))), true);
        float left = ReportLayout.MARGIN - 0.5f;
        float right = PDRectangle.A4.getWidth() - ReportLayout.MARGIN + 0.5f;
        float bottom = ReportLayout.MARGIN - 5f;

        List<TextPosition> positions = textPositions(PatientReportRenderer.pdf(data));

        assertThat(positions).isNotEmpty().allSatisfy(position -> {
            assertThat(position.getXDirAdj()).isGreaterThanOrEqualTo(left);
            assertThat(position.getXDirAdj() + position.getWidthDirAdj()).isLessThanOrEqualTo(right);
            assertThat(PDRectangle.A4.getHeight() - position.getYDirAdj()).isGreaterThanOrEqualTo(bottom);
        });
    }

    @Test
    void shouldRenderSparseRecordWithMissingValues() throws IOException {
        PatientReportData data = new PatientReportData("P000900", "DEMO-B", null, null, null, "JDM", null, true,
                null, null, null, null, null, null, false, null, "2024-05-06");

        List<String> pages = pageTexts(PatientReportRenderer.pdf(data));

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0)).contains("Diagnosis: JDM, juvenile onset", "Sex: –", "Serology: none recorded",
                PatientReportRenderer.NO_CHART, PatientReportRenderer.NO_VISITS, PatientReportRenderer.NO_FLAGS,
                PatientReportRenderer.NO_THERAPIES, "page 1 of 1");
    }

    @Test
    void shouldReplaceCharactersTheFontCannotDrawInsteadOfFailing() throws IOException {
        PatientReportData data = ReportFixtures.withFlags(ReportFixtures.report(null, 2), List.of(
                new ReportFlag("REEVALUATE_DIAGNOSIS", "2021-01-01", "筋炎 \uD83D\uDE00\tcheck\u0007 biopsy",
                        List.of(), List.of(), null)), false);

        String text = String.join("\n", pageTexts(PatientReportRenderer.pdf(data)));

        assertThat(text).contains("REEVALUATE_DIAGNOSIS", "?? ? check? biopsy");
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static List<TextPosition> textPositions(byte[] pdf) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            collector.getText(document);
        }
        return positions;
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** R8: each refractory flag lists the work-up in Lundberg's order; what the rules lack is listed to record. */
    @Test
    void shouldNumberTheWorkUpOfRefractoryFlagsAndListWhatToRecord() throws IOException {
        PatientReportData data = ReportFixtures.withToRecord(ReportFixtures.report(null, 2), List.of(
                "Body weight at a visit within 90 days of 2020-07-06: the juvenile dependence threshold of 0.2 mg/kg/day needs it"));

        String text = String.join("\n", pageTexts(PatientReportRenderer.pdf(data))).replace('\n', ' ');

        // The marker stands in the indent, so the extracted text may join it to its step.
        String numbered = text.replaceAll("(\\d)\\.(?=[a-z])", "$1. ");
        int activity = numbered.indexOf("1. confirm activity versus damage");
        int diagnosis = numbered.indexOf("2. re-check the diagnosis");
        int therapy = numbered.indexOf("3. then change therapy");
        assertThat(activity).isPositive();
        assertThat(diagnosis).isGreaterThan(activity);
        assertThat(therapy).isGreaterThan(diagnosis);
        assertThat(text).contains(PatientReportRenderer.WORK_UP_TITLE, PatientReportRenderer.TO_RECORD_TITLE,
                "the juvenile dependence threshold of 0.2 mg/kg/day needs it");
    }
}
