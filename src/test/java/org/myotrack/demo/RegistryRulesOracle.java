package org.myotrack.demo;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.therapy.DrugClass;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Test-only reading of clinical.md §4–§6, refractory flags judged at every visit, prompts at the latest. */
final class RegistryRulesOracle {

    /** Flags of clinical.md §6. */
    enum Flag {
        INADEQUATE_RESPONSE, GLUCOCORTICOID_DEPENDENCE, MULTIPLE_AGENT_FAILURE, CONFIRMED_WORSENING,
        WEAKNESS_WITHOUT_ACTIVITY, ENZYMES_WITHOUT_WEAKNESS, REEVALUATE_DIAGNOSIS, CONSIDER_IBM
    }

    static final Set<Flag> REFRACTORY = EnumSet.of(Flag.INADEQUATE_RESPONSE, Flag.GLUCOCORTICOID_DEPENDENCE,
            Flag.MULTIPLE_AGENT_FAILURE);

    private static final Set<DrugClass> THIRD_LINE = EnumSet.of(DrugClass.BIOLOGIC, DrugClass.TARGETED_SYNTHETIC,
            DrugClass.ALKYLATING);

    private RegistryRulesOracle() {
    }

    static Set<Flag> flags(SyntheticPatient p) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<VisitRequest> visits = p.visits();
        LocalDate latest = visits.get(visits.size() - 1).visitDate();
        if (inadequateResponse(p)) {
            flags.add(Flag.INADEQUATE_RESPONSE);
        }
        if (glucocorticoidDependence(p.therapies(), latest)) {
            flags.add(Flag.GLUCOCORTICOID_DEPENDENCE);
        }
        if (multipleAgentFailure(p.therapies(), latest)) {
            flags.add(Flag.MULTIPLE_AGENT_FAILURE);
        }
        if (confirmedWorsening(visits)) {
            flags.add(Flag.CONFIRMED_WORSENING);
        }
        if (weaknessWithoutActivity(p)) {
            flags.add(Flag.WEAKNESS_WITHOUT_ACTIVITY);
        }
        if (enzymesWithoutWeakness(visits)) {
            flags.add(Flag.ENZYMES_WITHOUT_WEAKNESS);
        }
        boolean refractory = flags.stream().anyMatch(REFRACTORY::contains);
        if (refractory && reevaluateDiagnosis(p, latest)) {
            flags.add(Flag.REEVALUATE_DIAGNOSIS);
        }
        if (considerIbm(p, refractory, latest)) {
            flags.add(Flag.CONSIDER_IBM);
        }
        return flags;
    }

    static boolean juvenile(SyntheticPatient p) {
        return Period.between(p.patient().birthDate(), p.patient().onsetDate()).getYears() < 18;
    }

    /** RIM and ProDERM entry criteria (clinical.md §6). */
    static boolean active(VisitRequest v) {
        if (v.mmt8() == null || v.mmt8() > 0.833 * v.mmt8Max()) {
            return false;
        }
        int abnormal = 0;
        abnormal += v.physicianGlobalActivity() >= 2 ? 1 : 0;
        abnormal += v.patientGlobalActivity() >= 2 ? 1 : 0;
        abnormal += v.extramuscularActivity() >= 2 ? 1 : 0;
        abnormal += v.enzymes().stream().anyMatch(e -> e.value() > 1.5 * e.uln()) ? 1 : 0;
        abnormal += v.haq() >= 0.25 ? 1 : 0;
        return abnormal >= 2;
    }

    /** 2016 ACR/EULAR Total Improvement Score of {@code f} against {@code b} (clinical.md §4). */
    static double totalImprovementScore(VisitRequest b, VisitRequest f) {
        double score = 0;
        score += band5(absolute(b.physicianGlobalActivity(), f.physicianGlobalActivity(), 10), 7.5, 15, 17.5, 20);
        score += band5(absolute(b.patientGlobalActivity(), f.patientGlobalActivity(), 10), 2.5, 5, 7.5, 10);
        score += band5(absolute(b.haq(), f.haq(), 3), 5, 7.5, 7.5, 10);
        score += band5(absolute(b.extramuscularActivity(), f.extramuscularActivity(), 10), 7.5, 12.5, 15, 20);
        EnzymeEntry worst = b.enzymes().stream().max(Comparator.comparingDouble(EnzymeEntry::timesUln)).orElseThrow();
        EnzymeEntry same = f.enzymes().stream().filter(e -> e.test() == worst.test()).findFirst().orElseThrow();
        double enzyme = worst.value() == 0 ? 0 : (worst.value() - same.value()) / worst.value() * 100;
        score += band5(enzyme, 2.5, 5, 7.5, 7.5);
        double strength = b.mmt8Max().equals(f.mmt8Max())
                ? (f.mmt8() - b.mmt8()) * 100.0 / b.mmt8Max()
                : (f.cmas() - b.cmas()) * 100.0 / 52;
        score += strength <= 2 ? 0 : strength <= 10 ? 10 : strength <= 20 ? 20 : strength <= 30 ? 27.5 : 32.5;
        return score;
    }

    private static double absolute(double baseline, double followUp, double range) {
        return (baseline - followUp) / range * 100;
    }

    private static double band5(double x, double p1, double p2, double p3, double p4) {
        return x <= 5 ? 0 : x <= 15 ? p1 : x <= 25 ? p2 : x <= 40 ? p3 : p4;
    }

    /** IMACS definition of worsening of {@code f} against {@code b} (clinical.md §5). */
    static boolean worsening(VisitRequest b, VisitRequest f) {
        double strengthFall = (b.mmt8() - f.mmt8()) / (double) b.mmt8();
        boolean globalAndStrength = f.physicianGlobalActivity() - b.physicianGlobalActivity() >= 2 - 1e-9
                && strengthFall >= 0.2;
        boolean extramuscular = f.extramuscularActivity() - b.extramuscularActivity() >= 2 - 1e-9;
        int worse = 0;
        worse += rise(b.physicianGlobalActivity(), f.physicianGlobalActivity()) ? 1 : 0;
        worse += rise(b.patientGlobalActivity(), f.patientGlobalActivity()) ? 1 : 0;
        worse += rise(b.extramuscularActivity(), f.extramuscularActivity()) ? 1 : 0;
        worse += rise(b.haq(), f.haq()) ? 1 : 0;
        worse += strengthFall >= 0.3 ? 1 : 0;
        return globalAndStrength || extramuscular || worse >= 3;
    }

    private static boolean rise(double before, double after) {
        return before == 0 ? after > 0 : (after - before) / before >= 0.3 - 1e-9;
    }

    /** Visits k and k+1 worse against k−1, or each against its predecessor: either reading counts. */
    static boolean confirmedWorsening(List<VisitRequest> visits) {
        for (int k = 1; k + 1 < visits.size(); k++) {
            VisitRequest before = visits.get(k - 1);
            if (worsening(before, visits.get(k))
                    && (worsening(before, visits.get(k + 1)) || worsening(visits.get(k), visits.get(k + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean takenOn(TherapyRequest t, LocalDate day) {
        return !day.isBefore(t.startDate()) && (t.endDate() == null || !day.isAfter(t.endDate()));
    }

    private static boolean pulse(TherapyRequest t) {
        return t.route() == Route.IV;
    }

    /** Prednisone-equivalent daily dose; pulses excluded (clinical.md §3). */
    static double prednisoneEquivalent(List<TherapyRequest> therapies, LocalDate day) {
        double dose = 0;
        for (TherapyRequest t : dailyGlucocorticoids(therapies)) {
            if (takenOn(t, day)) {
                dose += t.dose();
            }
        }
        return dose;
    }

    private static List<TherapyRequest> dailyGlucocorticoids(List<TherapyRequest> therapies) {
        return therapies.stream().filter(t -> t.drug().drugClass() == DrugClass.GLUCOCORTICOID && !pulse(t)).toList();
    }

    /** Walks the dose curve piece by piece: it only changes where an entry starts or ends. */
    static boolean glucocorticoidDependence(List<TherapyRequest> therapies, LocalDate latest) {
        List<TherapyRequest> glucocorticoids = dailyGlucocorticoids(therapies);
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (TherapyRequest t : glucocorticoids) {
            changes.add(t.startDate());
            if (t.endDate() != null) {
                changes.add(t.endDate().plusDays(1));
            }
        }
        changes.add(latest.plusDays(1));
        LocalDate sixMonthsIn = null;
        LocalDate lastTaken = null;
        LocalDate from = null;
        for (LocalDate next : changes) {
            if (from != null && !from.isAfter(latest)) {
                double dose = prednisoneEquivalent(glucocorticoids, from);
                if (dose > 0) {
                    // Gaps of 30 days or less do not break a course (clinical.md §6).
                    if (sixMonthsIn == null || ChronoUnit.DAYS.between(lastTaken, from) > 31) {
                        sixMonthsIn = from.plusMonths(6);
                    }
                    lastTaken = next.minusDays(1);
                    if (dose > 7.5 && lastTaken.isAfter(sixMonthsIn.minusDays(1))) {
                        return true;
                    }
                }
            }
            from = next;
        }
        return false;
    }

    private static LocalDate endOrLatest(TherapyRequest t, LocalDate latest) {
        return t.endDate() == null || t.endDate().isAfter(latest) ? latest : t.endDate();
    }

    private static boolean adequateTrial(TherapyRequest t, LocalDate latest) {
        return t.stopReason() == StopReason.INTOLERANCE
                || ChronoUnit.DAYS.between(t.startDate(), endOrLatest(t, latest)) + 1 >= 84;
    }

    static boolean multipleAgentFailure(List<TherapyRequest> therapies, LocalDate latest) {
        long conventional = therapies.stream()
                .filter(t -> t.drug().drugClass() == DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT)
                .filter(t -> failed(t, latest)).map(TherapyRequest::drug).distinct().count();
        boolean thirdLine = therapies.stream()
                .anyMatch(t -> THIRD_LINE.contains(t.drug().drugClass()) && failed(t, latest));
        return conventional >= 2 || thirdLine;
    }

    private static boolean failed(TherapyRequest t, LocalDate latest) {
        return t.endDate() != null && !t.endDate().isAfter(latest)
                && (t.stopReason() == StopReason.INEFFICACY || t.stopReason() == StopReason.INTOLERANCE)
                && adequateTrial(t, latest);
    }

    /** Judged with every visit as the evaluation date in turn. */
    static boolean inadequateResponse(SyntheticPatient p) {
        double minimal = juvenile(p) ? 30 : 20;
        List<VisitRequest> visits = p.visits();
        List<TherapyRequest> glucocorticoids = dailyGlucocorticoids(p.therapies());
        for (TherapyRequest agent : p.therapies()) {
            if (agent.drug().drugClass() != DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT) {
                continue;
            }
            LocalDate begin = null;
            LocalDate agentEnd = agent.endDate() == null ? DemoCohortGenerator.REFERENCE_DATE : agent.endDate();
            for (LocalDate day = agent.startDate(); !day.isAfter(agentEnd); day = day.plusDays(1)) {
                if (prednisoneEquivalent(glucocorticoids, day) > 0) {
                    begin = day;
                    break;
                }
            }
            if (begin == null) {
                continue;
            }
            LocalDate complete = agent.stopReason() == StopReason.INTOLERANCE ? agent.endDate() : begin.plusDays(84);
            LocalDate regimenBegin = begin;
            Optional<VisitRequest> baseline = visits.stream()
                    .filter(v -> !v.visitDate().isBefore(regimenBegin.minusDays(30))
                            && !v.visitDate().isAfter(regimenBegin.plusDays(14)))
                    .reduce((a, b) -> b);
            for (VisitRequest v : visits) {
                if (v.visitDate().isBefore(complete)) {
                    continue;
                }
                if (active(v) || baseline.isPresent() && totalImprovementScore(baseline.get(), v) < minimal) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean weaknessWithoutActivity(SyntheticPatient p) {
        List<VisitRequest> visits = p.visits();
        VisitRequest latest = visits.get(visits.size() - 1);
        Optional<VisitRequest> reference = visits.stream()
                .filter(v -> !v.visitDate().isAfter(latest.visitDate().minusMonths(3))).reduce((a, b) -> b);
        if (reference.isEmpty() || latest.mmt8() > reference.get().mmt8()) {
            return false;
        }
        LocalDate from = reference.get().visitDate();
        boolean enzymesNormal = visits.stream().filter(v -> !v.visitDate().isBefore(from))
                .flatMap(v -> v.enzymes().stream()).allMatch(e -> e.value() <= e.uln());
        boolean noOedema = p.investigations().stream()
                .filter(i -> i.type() == InvestigationType.MRI && !i.date().isBefore(from)
                        && !i.date().isAfter(latest.visitDate()))
                .noneMatch(i -> i.findings().contains(Finding.MUSCLE_EDEMA));
        return enzymesNormal && noOedema;
    }

    static boolean enzymesWithoutWeakness(List<VisitRequest> visits) {
        int n = visits.size();
        boolean ckHigh = visits.subList(n - 2, n).stream().allMatch(v -> v.enzymes().stream()
                .anyMatch(e -> e.test() == EnzymeTest.CK && e.value() > e.uln()));
        return ckHigh && visits.get(n - 1).mmt8() >= 1.1 * visits.get(0).mmt8();
    }

    private static Optional<InvestigationRequest> latestOf(SyntheticPatient p, InvestigationType type,
                                                           LocalDate latest) {
        return p.investigations().stream().filter(i -> i.type() == type && !i.date().isAfter(latest))
                .reduce((a, b) -> b);
    }

    static boolean reevaluateDiagnosis(SyntheticPatient p, LocalDate latest) {
        Set<Finding> nonInflammatory = EnumSet.of(Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC);
        boolean biopsy = latestOf(p, InvestigationType.BIOPSY, latest)
                .map(i -> nonInflammatory.containsAll(i.findings())).orElse(false);
        boolean mri = latestOf(p, InvestigationType.MRI, latest)
                .map(i -> !i.findings().contains(Finding.MUSCLE_EDEMA)
                        && (i.findings().contains(Finding.ATROPHY) || i.findings().contains(Finding.FATTY_REPLACEMENT)))
                .orElse(false);
        return biopsy || mri;
    }

    static boolean considerIbm(SyntheticPatient p, boolean refractory, LocalDate latest) {
        Diagnosis diagnosis = p.patient().diagnosis();
        boolean necrotisingAntibody = p.patient().autoantibodies().stream()
                .anyMatch(a -> (a.antibody() == Antibody.SRP || a.antibody() == Antibody.HMGCR)
                        && a.result() == AntibodyResult.POSITIVE);
        int onsetAge = Period.between(p.patient().birthDate(), p.patient().onsetDate()).getYears();
        boolean suspect = diagnosis == Diagnosis.PM || diagnosis == Diagnosis.IMNM && !necrotisingAntibody;
        boolean vacuoles = diagnosis != Diagnosis.IBM && p.investigations().stream()
                .anyMatch(i -> i.type() == InvestigationType.BIOPSY && !i.date().isAfter(latest)
                        && i.findings().contains(Finding.RIMMED_VACUOLES));
        return suspect && refractory && onsetAge >= 45 || vacuoles;
    }
}
