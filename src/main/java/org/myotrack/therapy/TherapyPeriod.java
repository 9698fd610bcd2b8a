package org.myotrack.therapy;

import java.time.LocalDate;

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

    public static TherapyPeriod of(Therapy therapy) {
        return new TherapyPeriod(therapy.id, therapy.drug, therapy.drugName, therapy.dose, therapy.doseUnit,
                therapy.frequency, therapy.route, therapy.startDate, therapy.endDate, therapy.stopReason);
    }
}
