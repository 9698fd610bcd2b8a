package org.myotrack.cohort.export;

/**
 * How a birth year appears in a de-identified export: the year itself; {@code 90+} for patients aged 90 or more in
 * the year of the export (ages over 89 are grouped, as the HIPAA Safe Harbor method requires); or, when the
 * cohort's smallest group over site, sex, birth year and diagnosis is too small, a band such as {@code 1960-1964}.
 */
public final class BirthYears {

    /** Age from which the birth year is withheld (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C)). */
    public static final int WITHHELD_FROM_AGE = 90;
    public static final String WITHHELD = "90+";

    private BirthYears() {
    }

    /**
     * @param band width of the birth-year band in years; 1 gives the year itself
     */
    public static String label(int birthYear, int exportYear, int band) {
        if (exportYear - birthYear >= WITHHELD_FROM_AGE) {
            return WITHHELD;
        }
        if (band <= 1) {
            return Integer.toString(birthYear);
        }
        int first = birthYear - Math.floorMod(birthYear, band);
        return first + "-" + (first + band - 1);
    }
}
