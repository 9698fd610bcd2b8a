package org.myotrack.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Compares decimal measures the way the database keeps them: rounded to their column's scale. */
public final class Decimals {

    private Decimals() {
    }

    /** Whether both are empty, or equal once rounded half up to {@code scale} decimals. */
    public static boolean sameAtScale(Double first, Double second, int scale) {
        if (first == null || second == null) {
            return first == null && second == null;
        }
        return BigDecimal.valueOf(first).setScale(scale, RoundingMode.HALF_UP)
                .compareTo(BigDecimal.valueOf(second).setScale(scale, RoundingMode.HALF_UP)) == 0;
    }
}
