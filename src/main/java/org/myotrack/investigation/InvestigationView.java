package org.myotrack.investigation;

import java.time.LocalDate;
import java.util.List;

/** An investigation as the API returns it; findings in vocabulary order. */
public record InvestigationView(
        Long id, Long patientId, LocalDate date, InvestigationType type, List<Finding> findings, String notes,
        long version) {
}
