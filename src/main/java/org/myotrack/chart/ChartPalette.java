package org.myotrack.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * Colours of every chart: the Okabe–Ito colour-blind-safe palette (Okabe and Ito 2008, "Color Universal Design")
 * for series, and an ordinal light-to-dark ramp for the TIS response categories.
 */
public final class ChartPalette {

    public static final Color BLACK = new Color(0, 0, 0);
    public static final Color ORANGE = new Color(230, 159, 0);
    public static final Color SKY_BLUE = new Color(86, 180, 233);
    public static final Color BLUISH_GREEN = new Color(0, 158, 115);
    public static final Color YELLOW = new Color(240, 228, 66);
    public static final Color BLUE = new Color(0, 114, 178);
    public static final Color VERMILLION = new Color(213, 94, 0);
    public static final Color REDDISH_PURPLE = new Color(204, 121, 167);

    /** CK as multiple of ULN. */
    public static final Color CK = VERMILLION;
    /** MMT-8 as percent of maximum. */
    public static final Color MMT8 = BLUE;
    /** CMAS as percent of maximum. */
    public static final Color CMAS = BLUISH_GREEN;
    /** Physician global activity. */
    public static final Color PHYSICIAN_GLOBAL = REDDISH_PURPLE;
    /** HAQ-DI or CHAQ. */
    public static final Color HAQ = ORANGE;
    /** Prednisone-equivalent daily dose step line. */
    public static final Color PREDNISONE_EQUIVALENT = BLACK;
    /** Therapy bars in the trend chart, where the lane names the drug. */
    public static final Color DRUG_BAR = SKY_BLUE;
    /** Refractory share bars. */
    public static final Color REFRACTORY = VERMILLION;
    /** Flag onset markers (lines and swimmer shapes). */
    public static final Color FLAG = new Color(64, 64, 64);
    /** Reference lines such as ULN. */
    public static final Color REFERENCE_LINE = new Color(110, 110, 110);
    /** Follow-up window behind a swimmer row. */
    public static final Color FOLLOW_UP = new Color(228, 228, 228);
    /** Outlines of response points and stacked segments, so the light categories stay visible on white. */
    public static final Color OUTLINE = new Color(80, 80, 80);
    public static final Color GRIDLINE = new Color(221, 221, 221);
    public static final Color TEXT = new Color(33, 33, 33);

    /**
     * Response categories are ordered, so a single-hue ramp (ColorBrewer YlGn) reads by lightness alone for every
     * colour vision; NONE is neutral grey and INCOMPLETE is hollow (white with an outline): not scorable.
     */
    public static final Color RESPONSE_NONE = new Color(166, 166, 166);
    public static final Color RESPONSE_MINIMAL = new Color(217, 240, 163);
    public static final Color RESPONSE_MODERATE = new Color(120, 198, 121);
    public static final Color RESPONSE_MAJOR = new Color(0, 104, 55);
    public static final Color RESPONSE_INCOMPLETE = new Color(255, 255, 255);
    /** A score in a subgroup where the TIS is not validated (R5): a pale blue, off the ordered green ramp. */
    public static final Color RESPONSE_NOT_VALIDATED = new Color(198, 219, 239);

    /** Response categories in legend order. */
    public static final List<String> RESPONSE_CATEGORIES = List.of("NONE", "MINIMAL", "MODERATE", "MAJOR", "INCOMPLETE",
            "NOT_VALIDATED");

    /** Black is left out: the swimmer draws flag onsets in near-black. */
    private static final List<Color> DRUG_CYCLE = List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE,
            SKY_BLUE, YELLOW);

    private ChartPalette() {
    }

    /** Colour of a TIS response category; an unknown category is an error in the caller. */
    public static Color response(String category) {
        return switch (normalise(category)) {
            case "NONE" -> RESPONSE_NONE;
            case "MINIMAL" -> RESPONSE_MINIMAL;
            case "MODERATE" -> RESPONSE_MODERATE;
            case "MAJOR" -> RESPONSE_MAJOR;
            case "INCOMPLETE" -> RESPONSE_INCOMPLETE;
            case "NOT_VALIDATED" -> RESPONSE_NOT_VALIDATED;
            default -> throw new IllegalArgumentException("Unknown response category: " + category);
        };
    }

    /** Legend text of a TIS response category. */
    public static String responseLabel(String category) {
        return switch (normalise(category)) {
            case "NONE" -> "No response";
            case "MINIMAL" -> "Minimal";
            case "MODERATE" -> "Moderate";
            case "MAJOR" -> "Major";
            case "INCOMPLETE" -> "Incomplete";
            case "NOT_VALIDATED" -> "TIS not validated for the subgroup";
            default -> throw new IllegalArgumentException("Unknown response category: " + category);
        };
    }

    /**
     * Colour of the n-th drug of a chart. The first seven are Okabe–Ito; beyond that the cycle repeats darkened,
     * then lightened (amounts chosen to keep the 21 colours furthest apart), so no two of the first 21 drugs
     * share a colour; the legend names them.
     */
    public static Color drug(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Drug index must not be negative: " + index);
        }
        Color base = DRUG_CYCLE.get(index % DRUG_CYCLE.size());
        return switch ((index / DRUG_CYCLE.size()) % 3) {
            case 0 -> base;
            case 1 -> blend(base, BLACK, 0.35);
            default -> blend(base, Color.WHITE, 0.3);
        };
    }

    private static Color blend(Color colour, Color towards, double amount) {
        return new Color(
                (int) Math.round(colour.getRed() + (towards.getRed() - colour.getRed()) * amount),
                (int) Math.round(colour.getGreen() + (towards.getGreen() - colour.getGreen()) * amount),
                (int) Math.round(colour.getBlue() + (towards.getBlue() - colour.getBlue()) * amount));
    }

    private static String normalise(String category) {
        return category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
    }
}
