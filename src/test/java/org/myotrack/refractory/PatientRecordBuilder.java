package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.StatinExposure;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Builds test patient records: visits get ids 1, 2, …, therapies 1001, 1002, …, investigations 2001, 2002, … in the order added. */
final class PatientRecordBuilder {

    /** A Monday, so week arithmetic in the tests reads easily. */
    static final LocalDate START = LocalDate.of(2020, 1, 6);
    static final double CK_ULN = 200;

    /** Symptom onset three months before the first test visit, at age 50 unless a test says otherwise. */
    static final LocalDate ONSET = START.minusMonths(3);

    private Diagnosis diagnosis = Diagnosis.DM;
    private boolean juvenile;
    private LocalDate birthDate = ONSET.minusYears(50);
    private LocalDate onsetDate = ONSET;
    private StatinExposure statinExposure = StatinExposure.UNKNOWN;
    private LocalDate statinStartDate;
    private final Map<Antibody, AntibodyResult> antibodies = new EnumMap<>(Antibody.class);
    private final List<ScoredVisit> visits = new ArrayList<>();
    private final List<TherapyPeriod> therapies = new ArrayList<>();
    private final List<InvestigationRecord> investigations = new ArrayList<>();

    static PatientRecordBuilder patient() {
        return new PatientRecordBuilder();
    }

    PatientRecordBuilder diagnosis(Diagnosis value) {
        diagnosis = value;
        return this;
    }

    PatientRecordBuilder juvenile(boolean value) {
        juvenile = value;
        return this;
    }

    /** Onset on {@link #ONSET} at this age in whole years (birth that many years before); null: onset unknown. */
    PatientRecordBuilder onsetAge(Integer value) {
        onsetDate = value == null ? null : ONSET;
        birthDate = ONSET.minusYears(value == null ? 50 : value);
        return this;
    }

    PatientRecordBuilder born(LocalDate value) {
        birthDate = value;
        return this;
    }

    PatientRecordBuilder onset(LocalDate value) {
        onsetDate = value;
        return this;
    }

    PatientRecordBuilder statin(StatinExposure exposure, LocalDate start) {
        statinExposure = exposure;
        statinStartDate = start;
        return this;
    }

    PatientRecordBuilder antibody(Antibody antibody, AntibodyResult result) {
        antibodies.put(antibody, result);
        return this;
    }

    /** Visits must be added in date order, as the record holds them. */
    PatientRecordBuilder visit(LocalDate date, Values values) {
        visits.add(new ScoredVisit(visits.size() + 1L, date, values.build(), values.signs()));
        return this;
    }

    PatientRecordBuilder therapy(Drug drug, double dose, DoseUnit unit, Frequency frequency, Route route,
                                 LocalDate start, LocalDate end, StopReason reason) {
        therapies.add(new TherapyPeriod(1001L + therapies.size(), drug, null, dose, unit, frequency, route, start, end,
                reason));
        return this;
    }

    /** Daily oral prednisone; {@code end} null while ongoing. */
    PatientRecordBuilder prednisone(double mg, LocalDate start, LocalDate end) {
        return therapy(Drug.PREDNISONE, mg, DoseUnit.MG, Frequency.DAILY, Route.ORAL, start, end, null);
    }

    /** Methotrexate 20 mg weekly; {@code end} null while ongoing. */
    PatientRecordBuilder methotrexate(LocalDate start, LocalDate end, StopReason reason) {
        return therapy(Drug.METHOTREXATE, 20, DoseUnit.MG, Frequency.WEEKLY, Route.ORAL, start, end, reason);
    }

    /** A daily oral conventional immunosuppressant or other agent at a nominal dose. */
    PatientRecordBuilder agent(Drug drug, LocalDate start, LocalDate end, StopReason reason) {
        return therapy(drug, 100, DoseUnit.MG, Frequency.DAILY, Route.ORAL, start, end, reason);
    }

    /** One intravenous infusion recorded as a one-day period, as rituximab is. */
    PatientRecordBuilder infusion(Drug drug, LocalDate day, StopReason reason) {
        return therapy(drug, 1, DoseUnit.G, Frequency.ONCE, Route.IV, day, day, reason);
    }

    /** IV methylprednisolone 1 g daily for three days, a pulse outside the daily-dose curve. */
    PatientRecordBuilder pulse(LocalDate start) {
        return therapy(Drug.METHYLPREDNISOLONE, 1, DoseUnit.G, Frequency.DAILY, Route.IV, start, start.plusDays(2), null);
    }

    PatientRecordBuilder investigation(InvestigationType type, LocalDate date, Finding first, Finding... more) {
        investigations.add(new InvestigationRecord(2001L + investigations.size(), date, type, EnumSet.of(first, more)));
        return this;
    }

    PatientRecord build() {
        return new PatientRecord(42, diagnosis, juvenile, birthDate, onsetDate, null, statinExposure, statinStartDate,
                antibodies, visits, therapies, investigations);
    }

    Evaluation evaluate() {
        return RefractoryRules.evaluate(build(), RuleConfig.defaults());
    }

    /** Core-set values of one test visit; every measure may be set, changed or removed. */
    static final class Values {

        private Double physicianGlobal;
        private Double patientGlobal;
        private Double extramuscular;
        private Double haq;
        private Integer mmt8;
        private Integer mmt8Max;
        private Integer cmas;
        private final List<EnzymeLevel> enzymes = new ArrayList<>();
        private Double bodyWeightKg;
        private Integer cdasiActivity;
        private Boolean dysphagia;
        private Boolean fingerFlexorWeakness;
        private Boolean quadricepsWeakness;

        /** Active by RIM criteria: MMT-8 100/150, PGA 4.5 cm, PtGA 5 cm, HAQ 1, CK 3.1 × ULN. */
        static Values active() {
            return new Values().mmt8(100, 150).physicianGlobal(4.5).patientGlobal(5).extramuscular(1).haq(1)
                    .ck(620);
        }

        /** Near remission: MMT-8 145/150, every global below 2 cm, HAQ 0.125, CK within normal. */
        static Values quiet() {
            return new Values().mmt8(145, 150).physicianGlobal(0.5).patientGlobal(1).extramuscular(0.5).haq(0.125)
                    .ck(120);
        }

        Values mmt8(Integer total, Integer scaleMaximum) {
            mmt8 = total;
            mmt8Max = scaleMaximum;
            return this;
        }

        Values mmt8(Integer total) {
            return mmt8(total, 150);
        }

        Values cmas(Integer total) {
            cmas = total;
            return this;
        }

        Values physicianGlobal(Double value) {
            physicianGlobal = value;
            return this;
        }

        Values physicianGlobal(double value) {
            return physicianGlobal(Double.valueOf(value));
        }

        Values patientGlobal(double value) {
            patientGlobal = value;
            return this;
        }

        Values extramuscular(double value) {
            extramuscular = value;
            return this;
        }

        Values haq(Double value) {
            haq = value;
            return this;
        }

        Values haq(double value) {
            return haq(Double.valueOf(value));
        }

        /** Replaces the enzymes with one CK value against an upper limit of 200 U/L. */
        Values ck(double value) {
            enzymes.clear();
            enzymes.add(new EnzymeLevel(EnzymeTest.CK, value, CK_ULN));
            return this;
        }

        Values enzyme(EnzymeTest test, double value, double uln) {
            enzymes.add(new EnzymeLevel(test, value, uln));
            return this;
        }

        Values withoutEnzymes() {
            enzymes.clear();
            return this;
        }

        Values bodyWeight(double kg) {
            bodyWeightKg = kg;
            return this;
        }

        Values cdasi(Integer value) {
            cdasiActivity = value;
            return this;
        }

        Values dysphagia(Boolean value) {
            dysphagia = value;
            return this;
        }

        Values fingerFlexorWeakness(Boolean value) {
            fingerFlexorWeakness = value;
            return this;
        }

        Values quadricepsWeakness(Boolean value) {
            quadricepsWeakness = value;
            return this;
        }

        Values withoutMmt8() {
            return mmt8(null, null);
        }

        VisitSigns signs() {
            return new VisitSigns(bodyWeightKg, cdasiActivity, dysphagia, fingerFlexorWeakness, quadricepsWeakness);
        }

        CoreSetMeasures build() {
            return new CoreSetMeasures(physicianGlobal, patientGlobal, mmt8, mmt8Max, cmas, haq, extramuscular, enzymes);
        }
    }
}
