package org.myotrack.visit;

import java.time.LocalDate;
import java.util.List;

/** A visit as the API returns it and the audit trail keeps it; a null boolean was not recorded. */
public record VisitView(
        Long id,
        Long patientId,
        LocalDate visitDate,
        Double physicianGlobalActivity,
        Double patientGlobalActivity,
        Integer mmt8,
        Integer mmt8Max,
        Integer cmas,
        Double haq,
        Double extramuscularActivity,
        List<EnzymeEntry> enzymes,
        Double physicianGlobalDamage,
        Double patientGlobalDamage,
        Integer mdiExtent,
        Double mdiSeverity,
        Double sf36Pcs,
        Double sf36Mcs,
        Double functionalIndex,
        Double bodyWeightKg,
        Integer cdasiActivity,
        Boolean dysphagia,
        Boolean fingerFlexorWeakness,
        Boolean quadricepsWeakness,
        String notes,
        long version) {
}
