package org.myotrack.cohort.export;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagCode;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.visit.EnzymeTest;

import java.util.List;
import java.util.Set;

/**
 * A patient as every export format writes it, already de-identified: a pseudonym instead of any identifier, a
 * birth-year label instead of the birth date, every date (the statin start date too) shifted or made relative, no
 * free-text notes. The
 * writers only ever see this type.
 *
 * @param birthYear a year, a band such as {@code 1960-1964}, or {@code 90+} (see {@link BirthYears})
 * @param dateBasis how dates are given: {@code shifted}, or days since {@code diagnosis} or since the {@code firstVisit}
 */
public record ExportedPatient(String pseudonym, String siteCode, Sex sex, String birthYear, Diagnosis diagnosis,
                              boolean juvenile, boolean cancerAssociated, boolean ild, String dateBasis,
                              ExportDate diagnosisDate, ExportDate onsetDate, StatinExposure statinExposure,
                              ExportDate statinStartDate, List<Antibody> positiveAntibodies,
                              List<AntibodyTest> antibodies, List<Visit> visits, List<Therapy> therapies,
                              List<Investigation> investigations, boolean refractory, String rulesVersion,
                              List<Flag> flags) {

    public record AntibodyTest(Antibody antibody, AntibodyResult result, ExportDate testDate) {
    }

    /**
     * @param number       1 for the patient's first visit, in date order
     * @param measures     indexed by {@link VisitMeasure#ordinal()}, an Integer, Double or Boolean by the measure's
     *                     kind; null where not recorded
     * @param tis          Total Improvement Score against the first visit; null for the first visit or when incomplete
     * @param response     response category against the first visit, or {@code INCOMPLETE}; null for the first visit
     * @param regimen      drugs active on the visit date, vocabulary names sorted and joined by {@code ;}
     * @param regimenDoses the same drugs with their doses, as a person reads them
     * @param prednisoneMgPerDay prednisone-equivalent daily glucocorticoid dose on the visit date; null without one
     */
    public record Visit(int number, ExportDate date, Object[] measures, List<Enzyme> enzymes, Double tis,
                        String response, String regimen, String regimenDoses, Double prednisoneMgPerDay) {

        public Object measure(VisitMeasure measure) {
            return measures[measure.ordinal()];
        }

        public Enzyme enzyme(EnzymeTest test) {
            for (Enzyme enzyme : enzymes) {
                if (enzyme.test() == test) {
                    return enzyme;
                }
            }
            return null;
        }
    }

    public record Enzyme(EnzymeTest test, double value, double uln, String unit) {
    }

    public record Therapy(int number, Drug drug, String drugName, Double dose, DoseUnit doseUnit, Frequency frequency,
                          Route route, ExportDate start, ExportDate end, StopReason stopReason) {
    }

    public record Investigation(ExportDate date, InvestigationType type, Set<Finding> findings) {
    }

    public record Flag(FlagCode code, ExportDate since) {
    }
}
