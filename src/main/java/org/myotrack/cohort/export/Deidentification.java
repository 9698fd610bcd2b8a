package org.myotrack.cohort.export;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.LatestSerology;
import org.myotrack.refractory.InvestigationRecord;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.scoring.TotalImprovementScoreResult;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Turns a stored record into what an export may show (api.md "Cohorts"): the keyed pseudonym in place of every
 * identifier, the birth year (withheld from 90, banded when the cohort needs it), dates shifted back by the
 * patient's own offset or given as days since diagnosis, no external id and no free-text notes. Also adds, per
 * visit, the score against the first visit and the regimen active that day, which statisticians otherwise
 * rebuild by hand.
 */
public final class Deidentification {

    private final Pseudonyms pseudonyms;
    private final DateMode dateMode;
    private final int exportYear;
    private final int birthYearBand;

    /**
     * @param exportYear    year of the export, against which ages of 90 and over are withheld
     * @param birthYearBand 1 for birth years, or the band width when the cohort's smallest group is too small
     */
    public Deidentification(Pseudonyms pseudonyms, DateMode dateMode, int exportYear, int birthYearBand) {
        this.pseudonyms = pseudonyms;
        this.dateMode = dateMode;
        this.exportYear = exportYear;
        this.birthYearBand = birthYearBand;
    }

    public ExportedPatient apply(RegistryPatient patient) {
        String dateBasis;
        Function<LocalDate, ExportDate> dates;
        if (dateMode == DateMode.SHIFTED) {
            int shift = pseudonyms.dateShiftDays(patient.registryCode());
            dateBasis = "shifted";
            dates = date -> date == null ? null : ExportDate.shifted(date.minusDays(shift));
        } else {
            LocalDate reference = patient.diagnosisDate();
            dateBasis = "diagnosis";
            if (reference == null && !patient.visits().isEmpty()) {
                reference = patient.visits().get(0).date();
                dateBasis = "firstVisit";
            }
            LocalDate origin = reference;
            dates = date -> date == null || origin == null ? null
                    : ExportDate.relative(Math.toIntExact(ChronoUnit.DAYS.between(origin, date)));
        }

        List<ExportedPatient.AntibodyTest> antibodies = new ArrayList<>();
        for (RegistryPatient.AntibodyTest test : patient.antibodies()) {
            antibodies.add(new ExportedPatient.AntibodyTest(test.antibody(), test.result(), dates.apply(test.testDate())));
        }
        List<ExportedPatient.Therapy> therapies = new ArrayList<>();
        int therapyNumber = 0;
        for (TherapyPeriod therapy : patient.therapies()) {
            therapies.add(new ExportedPatient.Therapy(++therapyNumber, therapy.drug(), therapy.drugName(), therapy.dose(),
                    therapy.doseUnit(), therapy.frequency(), therapy.route(), dates.apply(therapy.startDate()),
                    dates.apply(therapy.endDate()), therapy.stopReason()));
        }
        List<ExportedPatient.Investigation> investigations = new ArrayList<>();
        for (InvestigationRecord investigation : patient.investigations()) {
            investigations.add(new ExportedPatient.Investigation(dates.apply(investigation.date()), investigation.type(),
                    Set.copyOf(investigation.findings())));
        }
        List<ExportedPatient.Flag> flags = new ArrayList<>();
        for (RegistryPatient.FlagSince flag : patient.flags()) {
            flags.add(new ExportedPatient.Flag(flag.code(), dates.apply(flag.since())));
        }
        return new ExportedPatient(pseudonyms.pseudonym(patient.registryCode()), patient.siteCode(), patient.sex(),
                BirthYears.label(patient.birthDate().getYear(), exportYear, birthYearBand), patient.diagnosis(),
                patient.juvenile(), patient.cancerAssociated(), patient.ild(), dateBasis,
                dates.apply(patient.diagnosisDate()), dates.apply(patient.onsetDate()), patient.statinExposure(),
                dates.apply(patient.statinStartDate()), positive(patient.antibodies()),
                antibodies, visits(patient, dates), therapies, investigations, patient.refractory(),
                patient.rulesVersion(), flags);
    }

    private static List<ExportedPatient.Visit> visits(RegistryPatient patient, Function<LocalDate, ExportDate> dates) {
        List<ExportedPatient.Visit> visits = new ArrayList<>(patient.visits().size());
        CoreSetMeasures first = null;
        ResponseCriteria criteria = ResponseCriteria.of(patient.diagnosis());
        int number = 0;
        for (RegistryPatient.Visit visit : patient.visits()) {
            CoreSetMeasures measures = coreSet(visit);
            Double tis = null;
            String response = null;
            if (first == null) {
                first = measures;
            } else {
                TotalImprovementScoreResult score = TotalImprovementScore.score(first, measures, criteria);
                tis = score.complete() ? score.tis() : null;
                response = score.response().name();
            }
            List<ExportedPatient.Enzyme> enzymes = new ArrayList<>(visit.enzymes().size());
            for (RegistryPatient.Enzyme enzyme : visit.enzymes()) {
                enzymes.add(new ExportedPatient.Enzyme(enzyme.test(), enzyme.value(), enzyme.uln(), enzyme.unit()));
            }
            StringJoiner regimen = new StringJoiner(";");
            StringJoiner doses = new StringJoiner("; ");
            double prednisone = 0;
            boolean anyGlucocorticoid = false;
            for (TherapyPeriod therapy : activeOn(patient.therapies(), visit.date())) {
                regimen.add(therapy.drug().name());
                String dose = therapy.doseLabel();
                doses.add(dose.isEmpty() ? therapy.displayName() : therapy.displayName() + " " + dose);
                OptionalDouble equivalent = therapy.prednisoneEquivalentMgPerDay();
                if (equivalent.isPresent()) {
                    prednisone += equivalent.getAsDouble();
                    anyGlucocorticoid = true;
                }
            }
            visits.add(new ExportedPatient.Visit(++number, dates.apply(visit.date()), visit.measures().clone(), enzymes,
                    tis, response, regimen.toString(), doses.toString(), anyGlucocorticoid ? prednisone : null));
        }
        return visits;
    }

    /** Therapies taken on the date (start on or before it, end on or after it or open), by drug name. */
    private static List<TherapyPeriod> activeOn(List<TherapyPeriod> therapies, LocalDate date) {
        List<TherapyPeriod> active = new ArrayList<>();
        for (TherapyPeriod therapy : therapies) {
            if (!therapy.startDate().isAfter(date) && (therapy.endDate() == null || !therapy.endDate().isBefore(date))) {
                active.add(therapy);
            }
        }
        active.sort((a, b) -> a.drug() != b.drug() ? a.drug().name().compareTo(b.drug().name())
                : a.startDate().compareTo(b.startDate()));
        return active;
    }

    private static CoreSetMeasures coreSet(RegistryPatient.Visit visit) {
        Object[] values = visit.measures();
        List<EnzymeLevel> enzymes = new ArrayList<>(visit.enzymes().size());
        for (RegistryPatient.Enzyme enzyme : visit.enzymes()) {
            enzymes.add(new EnzymeLevel(enzyme.test(), enzyme.value(), enzyme.uln()));
        }
        return new CoreSetMeasures((Double) values[VisitMeasure.PHYSICIAN_GLOBAL_ACTIVITY.ordinal()],
                (Double) values[VisitMeasure.PATIENT_GLOBAL_ACTIVITY.ordinal()],
                (Integer) values[VisitMeasure.MMT8.ordinal()], (Integer) values[VisitMeasure.MMT8_MAX.ordinal()],
                (Integer) values[VisitMeasure.CMAS.ordinal()], (Double) values[VisitMeasure.HAQ.ordinal()],
                (Double) values[VisitMeasure.EXTRAMUSCULAR_ACTIVITY.ordinal()], enzymes);
    }

    /** Antibodies whose latest result is positive ({@link LatestSerology}). */
    private static List<Antibody> positive(List<RegistryPatient.AntibodyTest> tests) {
        LatestSerology latest = new LatestSerology();
        for (RegistryPatient.AntibodyTest test : tests) {
            latest.add(test.antibody(), test.result(), test.testDate());
        }
        return latest.positive();
    }
}
