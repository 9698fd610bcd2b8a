package org.myotrack.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartPaletteTest {

    @Test
    void shouldGiveEveryTrendSeriesItsOwnColour() {
        List<Color> series = List.of(ChartPalette.CK, ChartPalette.MMT8, ChartPalette.CMAS,
                ChartPalette.PHYSICIAN_GLOBAL, ChartPalette.HAQ, ChartPalette.PREDNISONE_EQUIVALENT,
                ChartPalette.DRUG_BAR, ChartPalette.RESPONSE_NONE, ChartPalette.RESPONSE_MINIMAL,
                ChartPalette.RESPONSE_MODERATE, ChartPalette.RESPONSE_MAJOR, ChartPalette.RESPONSE_INCOMPLETE);

        assertAllApart(series, 2 * ChartImages.TOLERANCE);
    }

    @Test
    void shouldGiveTheFirstSevenDrugsOkabeItoColoursAwayFromFlagsAndFollowUp() {
        List<Color> drugs = IntStream.range(0, 7).mapToObj(ChartPalette::drug).toList();

        assertAllApart(drugs, 2 * ChartImages.TOLERANCE);
        assertThat(drugs).allSatisfy(colour -> {
            assertThat(distance(colour, ChartPalette.FLAG)).isGreaterThan(2 * ChartImages.TOLERANCE);
            assertThat(distance(colour, ChartPalette.FOLLOW_UP)).isGreaterThan(2 * ChartImages.TOLERANCE);
        });
    }

    @Test
    void shouldKeepTwentyOneDrugColoursVisiblyApart() {
        List<Color> drugs = IntStream.range(0, 21).mapToObj(ChartPalette::drug).toList();

        assertAllApart(drugs, 40);
        assertThat(drugs).allSatisfy(colour -> assertThat(distance(colour, ChartPalette.FOLLOW_UP))
                .isGreaterThan(2 * ChartImages.TOLERANCE));
    }

    @Test
    void shouldColourAndNameEveryResponseCategory() {
        assertThat(ChartPalette.RESPONSE_CATEGORIES).allSatisfy(category -> {
            assertThat(ChartPalette.response(category)).isNotNull();
            assertThat(ChartPalette.responseLabel(category)).isNotBlank();
        });
        assertThat(ChartPalette.response("moderate")).isEqualTo(ChartPalette.RESPONSE_MODERATE);
    }

    @Test
    void shouldLoadTheBundledFontOnce() {
        assertThat(ChartFonts.base().getFamily()).isEqualTo("Liberation Sans");
        assertThat(ChartFonts.base()).isSameAs(ChartFonts.base());
        assertThat(ChartFonts.bold(14).isBold()).isTrue();
        assertThat(ChartFonts.regular(11).getSize2D()).isEqualTo(11f);
    }

    private static void assertAllApart(List<Color> colours, double minimum) {
        for (int i = 0; i < colours.size(); i++) {
            for (int j = i + 1; j < colours.size(); j++) {
                assertThat(distance(colours.get(i), colours.get(j)))
                        .as("colours %d and %d", i, j).isGreaterThan(minimum);
            }
        }
    }

    private static double distance(Color a, Color b) {
        int red = a.getRed() - b.getRed();
        int green = a.getGreen() - b.getGreen();
        int blue = a.getBlue() - b.getBlue();
        return Math.sqrt(red * red + green * green + blue * blue);
    }
}
