package org.myotrack.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class TrendChartRendererTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    private static final int CK = 0;
    private static final int STRENGTH = 1;
    private static final int ACTIVITY = 2;
    private static final int RESPONSE = 3;
    private static final int DRUGS = 4;
    private static final int PREDNISONE = 5;
    /** A drawn series leaves far more than this many pixels of its colour; stray blends stay far below. */
    private static final int DRAWN = 40;

    @Test
    void shouldRenderPngOfRequestedSize() {
        BufferedImage image = ChartImages.decode(TrendChartRenderer.png(TrendExamples.course(30), WIDTH, HEIGHT));

        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
    }

    @Test
    void shouldDrawEverySeriesInItsOwnSubplot() {
        TrendChartData data = TrendExamples.course(30);
        BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

        assertThat(pixels(image, data, CK, ChartPalette.CK)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, STRENGTH, ChartPalette.MMT8)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, ACTIVITY, ChartPalette.PHYSICIAN_GLOBAL)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, ACTIVITY, ChartPalette.HAQ)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, RESPONSE, ChartPalette.RESPONSE_MODERATE)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, RESPONSE, ChartPalette.RESPONSE_MAJOR)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, DRUGS, ChartPalette.DRUG_BAR)).isGreaterThan(DRAWN * 10);
        assertThat(pixels(image, data, PREDNISONE, ChartPalette.PREDNISONE_EQUIVALENT)).isGreaterThan(DRAWN);
    }

    @Test
    void shouldKeepSeriesOutOfSubplotsTheyDoNotBelongTo() {
        TrendChartData data = TrendExamples.course(30);
        BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

        assertThat(pixels(image, data, STRENGTH, ChartPalette.CK)).isZero();
        assertThat(pixels(image, data, CK, ChartPalette.MMT8)).isZero();
    }

    @Test
    void shouldDrawCmasForJuvenilePatients() {
        List<TrendVisit> visits = List.of(
                new TrendVisit(LocalDate.of(2022, 1, 10), 8.0, 40.0, "CMAS", 6.0, 1.5, null),
                new TrendVisit(LocalDate.of(2022, 6, 10), 2.0, 70.0, "CMAS", 3.0, 0.75, "MAJOR"));
        TrendChartData data = new TrendChartData("P000042", true, null, null, visits, null, null, null);
        BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

        assertThat(pixels(image, data, STRENGTH, ChartPalette.CMAS)).isGreaterThan(DRAWN);
        assertThat(pixels(image, data, STRENGTH, ChartPalette.MMT8)).isZero();
    }

    @Nested
    class VisitCounts {

        @Test
        void shouldRenderTwoVisits() {
            TrendChartData data = TrendExamples.course(2);
            BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, 1000, 700));

            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(pixels(image, data, 1000, 700, CK, ChartPalette.CK)).isGreaterThan(DRAWN);
            assertThat(pixels(image, data, 1000, 700, STRENGTH, ChartPalette.MMT8)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldRenderSixtyVisits() {
            TrendChartData data = TrendExamples.course(60);
            BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, 1000, 700));

            assertThat(image.getHeight()).isEqualTo(700);
            assertThat(pixels(image, data, 1000, 700, CK, ChartPalette.CK)).isGreaterThan(DRAWN);
            assertThat(pixels(image, data, 1000, 700, RESPONSE, ChartPalette.RESPONSE_MAJOR)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldRenderWithoutAnyData() {
            TrendChartData data = new TrendChartData(null, false, LocalDate.of(2021, 1, 1),
                    LocalDate.of(2021, 12, 31), List.of(), List.of(), List.of(), List.of());

            BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(pixels(image, data, CK, ChartPalette.CK)).isZero();
            assertThat(((CombinedDomainXYPlot) TrendChartRenderer.build(data, WIDTH, HEIGHT).getPlot()).getSubplots()
                    .get(CK)
                    .getNoDataMessage()).isEqualTo("No visits in this period");
        }
    }

    @Nested
    class DateRange {

        private final LocalDate from = LocalDate.of(2021, 1, 1);
        private final LocalDate to = LocalDate.of(2021, 12, 31);

        /** Strength and CK were measured only before the window; inside it only globals and HAQ. */
        private TrendChartData data(LocalDate shownFrom) {
            List<TrendVisit> visits = List.of(
                    new TrendVisit(LocalDate.of(2020, 3, 1), 60.0, 40.0, "MMT-8", 8.0, 2.0, null),
                    new TrendVisit(LocalDate.of(2020, 9, 1), 30.0, 50.0, "MMT-8", 7.0, 1.75, "MINIMAL"),
                    new TrendVisit(LocalDate.of(2021, 3, 1), null, null, "MMT-8", 5.0, 1.25, "INCOMPLETE"),
                    new TrendVisit(LocalDate.of(2021, 9, 1), null, null, "MMT-8", 4.0, 1.0, "INCOMPLETE"));
            List<DrugPeriod> drugs = List.of(
                    new DrugPeriod("AZATHIOPRINE", LocalDate.of(2020, 3, 1), LocalDate.of(2020, 11, 30), "150 mg"),
                    new DrugPeriod("TACROLIMUS", LocalDate.of(2020, 12, 1), LocalDate.of(2021, 12, 31), "4 mg"));
            List<DoseStep> steps = List.of(new DoseStep(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 11, 30), 30));
            return new TrendChartData("P000007", false, shownFrom, to, visits, drugs, steps, List.of());
        }

        @Test
        void shouldNotDrawVisitsBeforeFrom() {
            TrendChartData data = data(from);
            BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

            assertThat(pixels(image, data, CK, ChartPalette.CK)).isZero();
            assertThat(pixels(image, data, STRENGTH, ChartPalette.MMT8)).isZero();
            assertThat(pixels(image, data, ACTIVITY, ChartPalette.PHYSICIAN_GLOBAL)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldDrawTheSameVisitsWhenTheWindowIncludesThem() {
            TrendChartData data = data(LocalDate.of(2020, 1, 1));
            BufferedImage image = ChartImages.decode(TrendChartRenderer.png(data, WIDTH, HEIGHT));

            assertThat(pixels(image, data, CK, ChartPalette.CK)).isGreaterThan(DRAWN);
            assertThat(pixels(image, data, STRENGTH, ChartPalette.MMT8)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldLeaveOutTherapyLanesAndDoseStepsThatEndBeforeFrom() {
            TrendChartData data = data(from);

            String svg = TrendChartRenderer.svg(data, WIDTH, HEIGHT);

            assertThat(texts(svg)).contains("Tacrolimus").doesNotContain("Azathioprine");
            assertThat(((CombinedDomainXYPlot) TrendChartRenderer.build(data, WIDTH, HEIGHT).getPlot()).getSubplots())
                    .as("no prednisone subplot without a dose in the window").hasSize(5);
        }

        @Test
        void shouldRefuseFromAfterTo() {
            TrendChartData data = new TrendChartData(null, false, to, from, List.of(), List.of(), List.of(),
                    List.of());

            assertThatThrownBy(() -> TrendChartRenderer.png(data, WIDTH, HEIGHT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from");
        }
    }

    @Nested
    class Svg {

        @Test
        void shouldWriteSvgRootOfRequestedSize() throws Exception {
            Document document = parse(TrendChartRenderer.svg(TrendExamples.course(30), WIDTH, HEIGHT));

            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("1200");
            assertThat(document.getDocumentElement().getAttribute("height")).isEqualTo("800");
        }

        @Test
        void shouldWriteAxisLabelsAndDoseLabelsAsText() {
            String texts = texts(TrendChartRenderer.svg(TrendExamples.course(30), WIDTH, HEIGHT));

            assertThat(texts).contains("CK × ULN", "MMT-8 (% max)", "Methotrexate", "25 mg weekly",
                    "Prednisone equivalent (mg/day)");
        }

        @Test
        void shouldLabelEachFlagOnsetOnceThoughItIsMarkedOnEverySubplot() {
            String texts = texts(TrendChartRenderer.svg(TrendExamples.course(30), WIDTH, HEIGHT));

            assertThat(texts.split("Inadequate response", -1)).hasSize(2);
            assertThat(texts).contains("Multiple agents failed");
        }
    }

    @ParameterizedTest(name = "{0} × {1} is refused")
    @CsvSource({"199, 800", "4001, 800", "1200, 199", "1200, 4001", "0, 0", "-5, 800"})
    void shouldRefuseSizesOutsideBounds(int width, int height) {
        TrendChartData data = TrendExamples.course(2);

        assertThatThrownBy(() -> TrendChartRenderer.png(data, width, height))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrendChartRenderer.svg(data, width, height))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenderSmallestAllowedSize() {
        BufferedImage image = ChartImages.decode(TrendChartRenderer.png(TrendExamples.course(30),
                TrendChartRenderer.MIN_SIZE, TrendChartRenderer.MIN_SIZE));

        assertThat(image.getWidth()).isEqualTo(TrendChartRenderer.MIN_SIZE);
        assertThat(image.getHeight()).isEqualTo(TrendChartRenderer.MIN_SIZE);
    }

    @Test
    void shouldRefuseUnknownResponseCategory() {
        TrendChartData data = new TrendChartData(null, false, null, null,
                List.of(new TrendVisit(LocalDate.of(2022, 1, 1), 1.0, 80.0, "MMT-8", 1.0, 0.5, "EXCELLENT")),
                null, null, null);

        assertThatThrownBy(() -> TrendChartRenderer.png(data, WIDTH, HEIGHT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EXCELLENT");
    }

    @Test
    void shouldRenderCorrectlyFromSixThreadsAtOnce() throws Exception {
        List<TrendChartData> inputs = List.of(TrendExamples.course(2), TrendExamples.course(30),
                TrendExamples.course(60));
        List<byte[]> references = inputs.stream().map(data -> TrendChartRenderer.png(data, WIDTH, HEIGHT)).toList();
        List<Rectangle> ckAreas = inputs.stream()
                .map(data -> ChartImages.dataArea(TrendChartRenderer.build(data, WIDTH, HEIGHT), WIDTH, HEIGHT, CK))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<byte[]>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                TrendChartData data = inputs.get(i % inputs.size());
                results.add(pool.submit(() -> TrendChartRenderer.png(data, WIDTH, HEIGHT)));
            }
            for (int i = 0; i < results.size(); i++) {
                byte[] png = results.get(i).get(60, TimeUnit.SECONDS);
                BufferedImage image = ChartImages.decode(png);
                assertThat(image.getWidth()).isEqualTo(WIDTH);
                assertThat(image.getHeight()).isEqualTo(HEIGHT);
                assertThat(ChartImages.count(image, ChartPalette.CK, ckAreas.get(i % inputs.size())))
                        .isGreaterThan(DRAWN);
                assertThat(png).as("image %d equals the one rendered alone", i)
                        .isEqualTo(references.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int pixels(BufferedImage image, TrendChartData data, int subplot, Color colour) {
        return pixels(image, data, WIDTH, HEIGHT, subplot, colour);
    }

    private static int pixels(BufferedImage image, TrendChartData data, int width, int height, int subplot,
            Color colour) {
        Rectangle area = ChartImages.dataArea(TrendChartRenderer.build(data, width, height), width, height, subplot);
        return ChartImages.count(image, colour, area);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The SVG carries no DTD; refusing one keeps the parse offline.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** All text content of the SVG's text elements, one per line. */
    private static String texts(String svg) {
        try {
            NodeList texts = parse(svg).getElementsByTagNameNS("*", "text");
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < texts.getLength(); i++) {
                joined.append(texts.item(i).getTextContent()).append('\n');
            }
            return joined.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
