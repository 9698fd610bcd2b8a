package org.myotrack.scoring;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;

/**
 * Prednisone-equivalent daily dose of one therapy entry, the curve the glucocorticoid rules read (clinical.md §3).
 *
 * <p>Choices, each returning empty rather than a guess:
 * <ul>
 *   <li>a drug that is not a glucocorticoid has no prednisone equivalent;</li>
 *   <li>a dose per kilogram needs the body weight; a dose per m² (body surface area) and a dose in units cannot be
 *       converted;</li>
 *   <li>a {@code ONCE} dose is not a daily dose;</li>
 *   <li>a pulse is recorded but kept off the daily-dose curve (clinical.md §3): an intravenous dose of at least
 *       250 mg prednisone equivalent, which covers every intravenous methylprednisolone dose of 250 mg or more.
 *       Oral doses are never pulses, however high.</li>
 * </ul>
 * Intermittent schedules are spread over their interval: 70 mg weekly is 10 mg a day.
 */
public final class PrednisoneEquivalent {

    private static final Map<Drug, Double> POTENCY_RELATIVE_TO_PREDNISONE = new EnumMap<>(Drug.class);

    static {
        // Standard glucocorticoid equivalences (clinical.md §3): 5 mg prednisone = 5 mg prednisolone
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.PREDNISONE, 1.0);
        // Standard glucocorticoid equivalences (clinical.md §3)
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.PREDNISOLONE, 1.0);
        // Standard glucocorticoid equivalences (clinical.md §3): 4 mg methylprednisolone = 5 mg prednisone
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.METHYLPREDNISOLONE, 1.25);
        // Standard glucocorticoid equivalences (clinical.md §3): 0.75 mg dexamethasone = 5 mg prednisone
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.DEXAMETHASONE, 6.67);
        // Standard glucocorticoid equivalences (clinical.md §3): 20 mg hydrocortisone = 5 mg prednisone
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.HYDROCORTISONE, 0.25);
        // Standard glucocorticoid equivalences (clinical.md §3): 6 mg deflazacort ≈ 5 mg prednisone
        POTENCY_RELATIVE_TO_PREDNISONE.put(Drug.DEFLAZACORT, 0.83);
    }

    // Pulse therapy: ≥ 250 mg prednisone equivalent (Buttgereit et al., Ann Rheum Dis 2002;61:718–722)
    private static final double PULSE_MINIMUM_MG = 250;

    private static final double MG_PER_G = 1000;
    private static final double DAYS_PER_WEEK = 7;
    // Mean Gregorian month and half-year: 365.25 ÷ 12 and 365.25 ÷ 2 days
    private static final double DAYS_PER_MONTH = 30.4375;
    private static final double DAYS_PER_SIX_MONTHS = 182.625;

    private PrednisoneEquivalent() {
    }

    /** Prednisone-equivalent potency of a drug (methylprednisolone 1.25); empty when it is not a glucocorticoid. */
    public static OptionalDouble potency(Drug drug) {
        Double potency = POTENCY_RELATIVE_TO_PREDNISONE.get(drug);
        return potency == null ? OptionalDouble.empty() : OptionalDouble.of(potency);
    }

    /** Daily dose in mg prednisone equivalent of an entry dosed in mg or g; empty per the class notes. */
    public static OptionalDouble dailyDoseMg(Drug drug, Double dose, DoseUnit doseUnit, Frequency frequency, Route route) {
        return dailyDoseMg(drug, dose, doseUnit, frequency, route, null);
    }

    /**
     * Daily dose in mg prednisone equivalent, with the body weight to convert doses per kilogram.
     *
     * @param bodyWeightKg the patient's weight; may be null when the dose is in mg or g
     */
    public static OptionalDouble dailyDoseMg(
            Drug drug, Double dose, DoseUnit doseUnit, Frequency frequency, Route route, Double bodyWeightKg) {
        OptionalDouble perDose = perDoseMg(drug, dose, doseUnit, bodyWeightKg);
        OptionalDouble dosesPerDay = dosesPerDay(frequency);
        if (perDose.isEmpty() || dosesPerDay.isEmpty() || isPulse(route, perDose.getAsDouble())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(perDose.getAsDouble() * dosesPerDay.getAsDouble());
    }

    /** Whether an entry is a glucocorticoid pulse, recorded but excluded from the daily-dose curve. */
    public static boolean isPulse(Drug drug, Double dose, DoseUnit doseUnit, Route route, Double bodyWeightKg) {
        OptionalDouble perDose = perDoseMg(drug, dose, doseUnit, bodyWeightKg);
        return perDose.isPresent() && isPulse(route, perDose.getAsDouble());
    }

    private static boolean isPulse(Route route, double perDosePrednisoneMg) {
        return route == Route.IV && perDosePrednisoneMg >= PULSE_MINIMUM_MG;
    }

    /** One dose in mg prednisone equivalent. */
    private static OptionalDouble perDoseMg(Drug drug, Double dose, DoseUnit doseUnit, Double bodyWeightKg) {
        OptionalDouble potency = drug == null ? OptionalDouble.empty() : potency(drug);
        if (potency.isEmpty() || dose == null || dose < 0 || doseUnit == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble milligrams = milligrams(dose, doseUnit, bodyWeightKg);
        if (milligrams.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(milligrams.getAsDouble() * potency.getAsDouble());
    }

    private static OptionalDouble milligrams(double dose, DoseUnit doseUnit, Double bodyWeightKg) {
        boolean hasWeight = bodyWeightKg != null && bodyWeightKg > 0;
        return switch (doseUnit) {
            case MG -> OptionalDouble.of(dose);
            case G -> OptionalDouble.of(dose * MG_PER_G);
            case MG_PER_KG -> hasWeight ? OptionalDouble.of(dose * bodyWeightKg) : OptionalDouble.empty();
            case G_PER_KG -> hasWeight ? OptionalDouble.of(dose * MG_PER_G * bodyWeightKg) : OptionalDouble.empty();
            case MG_PER_M2, UNITS -> OptionalDouble.empty();
        };
    }

    private static OptionalDouble dosesPerDay(Frequency frequency) {
        if (frequency == null) {
            return OptionalDouble.empty();
        }
        return switch (frequency) {
            case DAILY -> OptionalDouble.of(1);
            case TWICE_DAILY -> OptionalDouble.of(2);
            case WEEKLY -> OptionalDouble.of(1 / DAYS_PER_WEEK);
            case TWICE_WEEKLY -> OptionalDouble.of(2 / DAYS_PER_WEEK);
            case EVERY_2_WEEKS -> OptionalDouble.of(1 / (2 * DAYS_PER_WEEK));
            case EVERY_4_WEEKS -> OptionalDouble.of(1 / (4 * DAYS_PER_WEEK));
            case MONTHLY -> OptionalDouble.of(1 / DAYS_PER_MONTH);
            case EVERY_6_MONTHS -> OptionalDouble.of(1 / DAYS_PER_SIX_MONTHS);
            case ONCE -> OptionalDouble.empty();
        };
    }
}
