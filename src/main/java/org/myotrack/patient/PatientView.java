package org.myotrack.patient;

import java.time.LocalDate;
import java.util.List;

/** A patient as the API returns it to clinicians and administrators (identified). */
public record PatientView(
        Long id,
        String registryCode,
        String siteCode,
        String externalId,
        Sex sex,
        LocalDate birthDate,
        Diagnosis diagnosis,
        LocalDate diagnosisDate,
        LocalDate onsetDate,
        boolean cancerAssociated,
        boolean ild,
        boolean juvenile,
        StatinExposure statinExposure,
        LocalDate statinStartDate,
        List<AutoantibodyEntry> autoantibodies,
        List<DiagnosisEntry> diagnosisHistory,
        long version) {
}
