package org.myotrack.cohort.export;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagCode;
import org.myotrack.refractory.InvestigationRecord;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's record as stored, identifiers and real dates included, read for an export. Only
 * {@link Deidentification} sees it; the writers get the de-identified {@link ExportedPatient}.
 */
record RegistryPatient(long id, String registryCode, String siteCode, Sex sex, LocalDate birthDate, Diagnosis diagnosis,
                       LocalDate diagnosisDate, LocalDate onsetDate, boolean juvenile, boolean cancerAssociated,
                       boolean ild, StatinExposure statinExposure, LocalDate statinStartDate, List<AntibodyTest> antibodies, List<Visit> visits, List<TherapyPeriod> therapies,
                       List<InvestigationRecord> investigations, boolean refractory, String rulesVersion,
                       List<FlagSince> flags) {

    record AntibodyTest(Antibody antibody, AntibodyResult result, LocalDate testDate) {
    }

    /**
     * A visit: its values indexed by {@link VisitMeasure#ordinal()} (an Integer, Double or Boolean by the measure's
     * kind; null when not recorded) and its enzymes.
     */
    record Visit(long id, LocalDate date, Object[] measures, List<Enzyme> enzymes) {
    }

    record Enzyme(EnzymeTest test, double value, double uln, String unit) {
    }

    record FlagSince(FlagCode code, LocalDate since) {
    }
}
