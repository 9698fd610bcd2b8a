package org.myotrack.therapy;

import java.time.LocalDate;

/** A therapy period as the API returns it, with the drug's class for display and rules. */
public record TherapyView(
        Long id,
        Long patientId,
        Drug drug,
        DrugClass drugClass,
        String drugName,
        Double dose,
        DoseUnit doseUnit,
        Frequency frequency,
        Route route,
        LocalDate startDate,
        LocalDate endDate,
        StopReason stopReason,
        long version) {
}
