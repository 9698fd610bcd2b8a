package org.myotrack.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CohortChartRendererTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    private static final int DRAWN = 40;

    @Nested
    class ResponseOverTime {

        private final List<ResponseShare> shares = List.of(
                new ResponseShare(0, "NONE", 10), new ResponseShare(0, "MINIMAL", 5),
                new ResponseShare(0, "MODERATE", 3), new ResponseShare(0, "INCOMPLETE", 2),
                new ResponseShare(6, "NONE", 4), new ResponseShare(6, "MODERATE", 8), new ResponseShare(6, "MAJOR", 6),
                new ResponseShare(12, "MAJOR", 12), new ResponseShare(12, "MINIMAL", 3));

        @Test
        void shouldStackResponseCategoriesPerBin() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.responseOverTime(shares, WIDTH, HEIGHT));
            Rectangle area = ChartImages.dataArea(CohortChartRenderer.responseOverTimeChart(shares, WIDTH, HEIGHT),
                    WIDTH, HEIGHT, -1);

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).isEqualTo(HEIGHT);
            assertThat(ChartImages.count(image, ChartPalette.RESPONSE_NONE, area)).isGreaterThan(DRAWN);
            assertThat(ChartImages.count(image, ChartPalette.RESPONSE_MODERATE, area)).isGreaterThan(DRAWN);
            assertThat(ChartImages.count(image, ChartPalette.RESPONSE_MAJOR, area)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldShowSharesInPercentAndPatientsPerBinInTheLabel() {
            JFreeChart chart = CohortChartRenderer.responseOverTimeChart(shares, WIDTH, HEIGHT);

            assertThat(chart.getCategoryPlot().getDataset().getColumnKeys())
                    .containsExactly("0–6 mo\nn = 20", "6–12 mo\nn = 18", "12–18 mo\nn = 15");
            assertThat(chart.getCategoryPlot().getDataset().getValue("No response", "0–6 mo\nn = 20"))
                    .isEqualTo(50.0);
            assertThat(chart.getCategoryPlot().getDataset().getValue("Major", "12–18 mo\nn = 15"))
                    .isEqualTo(80.0);
        }

        @Test
        void shouldSayNoPatientsMatchWhenEmpty() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.responseOverTime(List.of(), WIDTH, HEIGHT));

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(ChartImages.count(image, ChartPalette.RESPONSE_MAJOR)).isZero();
            assertThat(CohortChartRenderer.responseOverTimeChart(List.of(), WIDTH, HEIGHT).getPlot()
                    .getNoDataMessage()).isEqualTo("No patients match");
        }

        @Test
        void shouldRefuseUnknownCategory() {
            assertThatThrownBy(() -> CohortChartRenderer.responseOverTime(
                    List.of(new ResponseShare(0, "SUPERB", 3)), WIDTH, HEIGHT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RefractoryByAntibody {

        private final List<AntibodyGroupShare> groups = List.of(new AntibodyGroupShare("Synthetase", 12, 40),
                new AntibodyGroupShare("MDA5", 9, 15), new AntibodyGroupShare("SRP", 10, 10),
                new AntibodyGroupShare("Seronegative", 0, 22));

        @Test
        void shouldDrawRefractoryShareBars() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.refractoryByAntibody(groups, WIDTH, HEIGHT));
            Rectangle area = ChartImages.dataArea(CohortChartRenderer.refractoryByAntibodyChart(groups, WIDTH,
                    HEIGHT), WIDTH, HEIGHT, -1);

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(ChartImages.count(image, ChartPalette.REFRACTORY, area)).isGreaterThan(DRAWN * 10);
        }

        @Test
        void shouldLabelEachBarWithItsCounts() {
            JFreeChart chart = CohortChartRenderer.refractoryByAntibodyChart(groups, WIDTH, HEIGHT);
            var labels = chart.getCategoryPlot().getRenderer().getDefaultItemLabelGenerator();
            var dataset = chart.getCategoryPlot().getDataset();

            assertThat(labels.generateLabel(dataset, 0, 0)).isEqualTo("12/40");
            assertThat(labels.generateLabel(dataset, 0, 3)).isEqualTo("0/22");
            assertThat(dataset.getValue(0, 1)).isEqualTo(60.0);
        }

        @Test
        void shouldSayNoPatientsMatchWhenEmpty() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.refractoryByAntibody(List.of(), WIDTH,
                    HEIGHT));

            assertThat(image.getHeight()).isEqualTo(HEIGHT);
            assertThat(ChartImages.count(image, ChartPalette.REFRACTORY)).isZero();
        }

        @Test
        void shouldRefuseMoreRefractoryThanTotal() {
            assertThatThrownBy(() -> CohortChartRenderer.refractoryByAntibody(
                    List.of(new AntibodyGroupShare("MDA5", 5, 4)), WIDTH, HEIGHT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TherapySwimmer {

        private List<SwimmerLane> lanes(int count) {
            List<SwimmerLane> lanes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                LocalDate start = LocalDate.of(2020, 1, 1).plusDays(i * 40L);
                lanes.add(new SwimmerLane(String.format("P%06d", i + 1), List.of(
                        new DrugPeriod("PREDNISONE", start, start.plusDays(300), "20 mg daily"),
                        new DrugPeriod("METHOTREXATE", start.plusDays(14), start.plusDays(400), "15 mg weekly"),
                        new DrugPeriod("RITUXIMAB", start.plusDays(420), start.plusDays(434), "1 g")),
                        List.of(new FlagOnset(start.plusDays(250), "INADEQUATE_RESPONSE")),
                        start, start.plusDays(700)));
            }
            return lanes;
        }

        @Test
        void shouldDrawDrugBarsAndFlagOnsetsPerPatient() {
            List<SwimmerLane> lanes = lanes(12);
            BufferedImage image = ChartImages.decode(CohortChartRenderer.therapySwimmer(lanes, WIDTH, HEIGHT));
            Rectangle area = ChartImages.dataArea(CohortChartRenderer.therapySwimmerChart(lanes, WIDTH, HEIGHT),
                    WIDTH, HEIGHT, -1);

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(ChartImages.count(image, ChartPalette.drug(0), area)).isGreaterThan(DRAWN * 10);
            assertThat(ChartImages.count(image, ChartPalette.drug(1), area)).isGreaterThan(DRAWN * 10);
            assertThat(ChartImages.count(image, ChartPalette.drug(2), area)).isGreaterThan(DRAWN);
            assertThat(ChartImages.count(image, ChartPalette.FLAG, area)).isGreaterThan(DRAWN);
        }

        @Test
        void shouldRenderManyPatients() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.therapySwimmer(lanes(80), 1000, 700));

            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(ChartImages.count(image, ChartPalette.drug(0))).isGreaterThan(DRAWN * 10);
        }

        @Test
        void shouldSayNoPatientsMatchWhenEmpty() {
            BufferedImage image = ChartImages.decode(CohortChartRenderer.therapySwimmer(List.of(), WIDTH, HEIGHT));

            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(ChartImages.count(image, ChartPalette.drug(0))).isZero();
            assertThat(CohortChartRenderer.therapySwimmerChart(List.of(), WIDTH, HEIGHT).getPlot()
                    .getNoDataMessage()).isEqualTo("No patients match");
        }
    }

    @Test
    void shouldRefuseSizesOutsideBounds() {
        assertThatThrownBy(() -> CohortChartRenderer.responseOverTime(List.of(), 100, HEIGHT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortChartRenderer.refractoryByAntibody(List.of(), WIDTH, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortChartRenderer.therapySwimmer(List.of(), 4001, HEIGHT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
