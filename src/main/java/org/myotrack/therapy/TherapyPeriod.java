package org.myotrack.therapy;

import org.myotrack.scoring.PrednisoneEquivalent;

import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A therapy entry as the clinical rules read it: plain data, no persistence. {@code endDate} null means the
 * therapy is ongoing.
 */
public record TherapyPeriod(long id, Drug drug, String drugName, Double dose, DoseUnit doseUnit, Frequency frequency,
                            Route route, LocalDate startDate, LocalDate endDate, StopReason stopReason) {

    /** The last day the drug was taken, counting an ongoing therapy as taken until {@code evaluationDate}. */
    public LocalDate lastDayTaken(LocalDate evaluationDate) {
        return endDate == null || endDate.isAfter(evaluationDate) ? evaluationDate : endDate;
    }

    /**
     * Whether the entry is a disease-modifying agent other than a glucocorticoid: every immunosuppressant,
     * immunoglobulin, biologic, JAK inhibitor and alkylating agent, hydroxychloroquine and repository
     * corticotropin. A free-text {@code OTHER} drug is not counted, since nothing says it acts on myositis
     * (folic acid given with methotrexate, for instance).
     */
    public boolean isNonGlucocorticoidAgent() {
        return drug.drugClass() != DrugClass.GLUCOCORTICOID && drug != Drug.OTHER;
    }

    /** The drug as people name it: the vocabulary name, or the free-text name of an {@code OTHER} drug. */
    public String displayName() {
        return drug == Drug.OTHER && drugName != null ? drugName : drug.name();
    }

    /** The dose in words, "20 mg weekly", "2 g/kg every 4 weeks"; empty without a dose. */
    public String doseLabel() {
        if (dose == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(formatNumber(dose));
        if (doseUnit != null) {
            text.append(' ').append(switch (doseUnit) {
                case MG -> "mg";
                case G -> "g";
                case MG_PER_KG -> "mg/kg";
                case G_PER_KG -> "g/kg";
                case MG_PER_M2 -> "mg/m²";
                case UNITS -> "units";
            });
        }
        if (frequency != null) {
            text.append(' ').append(frequency.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return text.toString();
    }

    /**
     * Prednisone-equivalent daily dose in mg (clinical.md §3); empty for other drugs, IV pulses, single doses and
     * doses per kg or m² (the registry keeps no body weight).
     */
    public OptionalDouble prednisoneEquivalentMgPerDay() {
        return PrednisoneEquivalent.dailyDoseMg(drug, dose, doseUnit, frequency, route);
    }

    /** A number with at most three decimals and no trailing zeros: 2, 4.5, 1.125. */
    public static String formatNumber(double value) {
        double rounded = Math.round(value * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    public static TherapyPeriod of(Therapy therapy) {
        return new TherapyPeriod(therapy.id, therapy.drug, therapy.drugName, therapy.dose, therapy.doseUnit,
                therapy.frequency, therapy.route, therapy.startDate, therapy.endDate, therapy.stopReason);
    }
}
