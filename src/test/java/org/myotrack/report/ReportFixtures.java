package org.myotrack.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Builds realistic report inputs: an adult anti-Jo-1 PM patient followed monthly through several regimens. */
final class ReportFixtures {

    static final String REGISTRY_CODE = "P000123";
    static final String EXTERNAL_ID = "MRN-44812";
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 800;
    static final List<String> DRUGS = List.of("PREDNISONE", "METHOTREXATE", "AZATHIOPRINE", "MYCOPHENOLATE",
            "IVIG", "RITUXIMAB", "TACROLIMUS", "CYCLOPHOSPHAMIDE", "METHYLPREDNISOLONE", "TOFACITINIB",
            "ABATACEPT", "HYDROXYCHLOROQUINE");
    static final List<String> FLAG_CODES = List.of("INADEQUATE_RESPONSE", "GLUCOCORTICOID_DEPENDENCE",
            "MULTIPLE_AGENT_FAILURE");

    private ReportFixtures() {
    }

    static PatientReportData report(String externalId, int visitCount) {
        return new PatientReportData(REGISTRY_CODE, "DEMO-A", externalId, "FEMALE", 1983, "PM", "2019-02-01",
                false, List.of("JO1 POSITIVE (2019-01-20)", "RO52 POSITIVE (2019-01-20)"), trendChartPng(),
                visits(visitCount), flags(), List.of(), "2", true, therapies(), "2024-05-06");
    }

    static PatientReportData withFlags(PatientReportData data, List<ReportFlag> flags, boolean refractory) {
        return new PatientReportData(data.registryCode(), data.siteCode(), data.externalId(), data.sex(),
                data.birthYear(), data.diagnosis(), data.diagnosisDate(), data.juvenile(), data.serology(),
                data.trendChartPng(), data.visits(), flags, data.toRecord(), data.rulesVersion(), refractory, data.therapies(),
                data.generatedOn());
    }

    static PatientReportData withChart(PatientReportData data, byte[] chart) {
        return new PatientReportData(data.registryCode(), data.siteCode(), data.externalId(), data.sex(),
                data.birthYear(), data.diagnosis(), data.diagnosisDate(), data.juvenile(), data.serology(),
                chart, data.visits(), data.flags(), data.toRecord(), data.rulesVersion(), data.refractory(), data.therapies(),
                data.generatedOn());
    }

    /** Date of visit {@code index}: monthly from diagnosis. */
    static String visitDate(int index) {
        return LocalDate.of(2019, 2, 1).plusMonths(index).toString();
    }

    /** TIS printed for visit {@code index}; the baseline visit (0) has none. */
    static String tis(int index) {
        return index == 0 ? "–" : String.format(Locale.ROOT, "%.1f", 2.5 * (index % 40));
    }

    static List<ReportVisitRow> visits(int count) {
        List<ReportVisitRow> visits = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            double improvement = Math.min(1.0, index / 30.0);
            int mmt8 = 120 + (int) Math.round(24 * improvement);
            int ck = (int) Math.round(2400 - 2000 * improvement);
            double tis = 2.5 * (index % 40);
            String response = index == 0 ? "–"
                    : tis >= 60 ? "MAJOR" : tis >= 40 ? "MODERATE" : tis >= 20 ? "MINIMAL" : "NONE";
            visits.add(new ReportVisitRow(visitDate(index),
                    format(6 - 4 * improvement), format(7 - 4 * improvement), mmt8 + "/150",
                    String.format(Locale.ROOT, "%.3f", 1.5 - improvement), format(4 - 3 * improvement),
                    String.format(Locale.ROOT, "%d (%.1f × ULN)", ck, ck / 200.0),
                    tis(index), response));
        }
        return visits;
    }

    /** The work-up steps of R8 as a refractory flag carries them. */
    static final List<String> WORK_UP = List.of(
            "confirm activity versus damage (MRI for oedema, enzymes, extramuscular signs)",
            "re-check the diagnosis (biopsy review, myositis antibodies, EMG)",
            "then change therapy");

    static PatientReportData withToRecord(PatientReportData data, List<String> toRecord) {
        return new PatientReportData(data.registryCode(), data.siteCode(), data.externalId(), data.sex(),
                data.birthYear(), data.diagnosis(), data.diagnosisDate(), data.juvenile(), data.serology(),
                data.trendChartPng(), data.visits(), data.flags(), toRecord, data.rulesVersion(), data.refractory(),
                data.therapies(), data.generatedOn());
    }

    static List<ReportFlag> flags() {
        return List.of(
                new ReportFlag("INADEQUATE_RESPONSE", "2019-08-01",
                        "No improvement meeting the IMACS definition after ≥ 6 months of glucocorticoid and one "
                                + "conventional immunosuppressant at adequate doses.",
                        WORK_UP,
                        List.of("PREDNISONE 60 MG DAILY ORAL from 2019-02-01",
                                "METHOTREXATE 20 MG WEEKLY SC from 2019-03-01",
                                "TIS 12.5 (NONE) at 2019-08-01 against baseline 2019-02-01"),
                        "Oddis et al., Arthritis Rheum 2013 (RIM); Aggarwal et al., Arthritis Rheumatol 2017"),
                new ReportFlag("GLUCOCORTICOID_DEPENDENCE", "2020-03-01",
                        "Two tapers below 10 mg/day prednisone equivalent were followed by worsening within "
                                + "three months, so the dose could not be reduced.",
                        WORK_UP,
                        List.of("Taper to 7.5 mg/day on 2019-10-01, worsening on 2019-12-01",
                                "Taper to 7.5 mg/day on 2020-01-15, worsening on 2020-03-01"),
                        "Lundberg et al., Nat Rev Rheumatol 2021"),
                new ReportFlag("MULTIPLE_AGENT_FAILURE", "2020-09-01",
                        "Three or more steroid-sparing agents stopped for inefficacy or intolerance.",
                        WORK_UP,
                        List.of("METHOTREXATE stopped 2019-09-01 for INEFFICACY",
                                "AZATHIOPRINE stopped 2020-02-01 for INTOLERANCE",
                                "MYCOPHENOLATE stopped 2020-09-01 for INEFFICACY"),
                        "Oldroyd et al., Rheumatology (BSR guideline) 2022"));
    }

    static List<ReportTherapyRow> therapies() {
        List<ReportTherapyRow> therapies = new ArrayList<>();
        String[] doses = {"60 MG DAILY ORAL", "20 MG WEEKLY SC", "150 MG DAILY ORAL", "1 G TWICE_DAILY ORAL",
            "2 G_PER_KG MONTHLY IV", "1 G ONCE IV", "2 MG TWICE_DAILY ORAL", "750 MG_PER_M2 MONTHLY IV",
            "1 G DAILY IV", "5 MG TWICE_DAILY ORAL", "125 MG WEEKLY SC", "200 MG DAILY ORAL"};
        String[] reasons = {"–", "INEFFICACY", "INTOLERANCE: raised transaminases above three times the upper "
                + "limit of normal after eight weeks", "INEFFICACY", "–", "–", "OTHER", "REMISSION", "REMISSION",
            "INEFFICACY", "–", "–"};
        for (int index = 0; index < DRUGS.size(); index++) {
            String start = LocalDate.of(2019, 2, 1).plusMonths(3L * index).toString();
            String end = reasons[index].equals("–") ? "–" : LocalDate.parse(start).plusMonths(5).toString();
            therapies.add(new ReportTherapyRow(DRUGS.get(index), doses[index], start, end, reasons[index]));
        }
        return therapies;
    }

    /** A small stand-in for the trend chart: a few coloured series on white, encoded as PNG. */
    static byte[] trendChartPng() {
        BufferedImage image = new BufferedImage(CHART_WIDTH, CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
            graphics.setStroke(new BasicStroke(4f));
            Color[] series = {new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73)};
            for (int line = 0; line < series.length; line++) {
                graphics.setColor(series[line]);
                graphics.drawLine(60, 100 + 150 * line, CHART_WIDTH - 60, 500 - 100 * line);
            }
        } finally {
            graphics.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
