package org.myotrack.refractory;

import org.myotrack.patient.Diagnosis;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.visit.EnzymeTest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Active disease at one visit (R1, clinical-v2.md), by the first route that holds: adult RIM (R1a), dermatomyositis
 * ProDERM (R1a'), skin-predominant dermatomyositis (R1b) or juvenile RIM (R1d). AST and ALT never count (R1c, R4).
 */
final class ActivityTest {

    /** Ratios are compared with this tolerance so that 125/150 meets a cut-off of 125.0 / 150.0 despite rounding. */
    static final double TOLERANCE = 1e-9;
    // R1a, R1a': "weakness + ≥ 2 abnormal core-set measures" (RIM: Oddis, Arthritis Rheum 2013;65:314–24; ProDERM: Aggarwal, NEJM 2022)
    private static final int ADULT_MINIMUM_ABNORMAL = 2;
    // R1d: juveniles "≥ 3 abnormal core-set measures, with or without weakness" (RIM: Oddis, Arthritis Rheum 2013;65:314–24)
    private static final int JUVENILE_MINIMUM_ABNORMAL = 3;
    /** Muscle enzymes (clinical-v2.md): AST and ALT are raised by methotrexate and the liver too, so never muscle evidence. */
    static final Set<EnzymeTest> MUSCLE_ENZYMES = EnumSet.of(EnzymeTest.CK, EnzymeTest.ALDOLASE, EnzymeTest.LDH);
    // R1b: skin-predominant disease is a dermatomyositis route (clinical-v2.md)
    private static final Set<Diagnosis> SKIN_ROUTE_SUBGROUPS = EnumSet.of(Diagnosis.DM, Diagnosis.CADM, Diagnosis.JDM);

    /** The route by which a visit is active. */
    enum Route {
        ADULT_RIM("RIM adult criteria"),
        DM_PRODERM("ProDERM dermatomyositis criteria"),
        SKIN_PREDOMINANT("skin-predominant dermatomyositis (CDASI)"),
        JUVENILE_RIM("RIM juvenile criteria");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private ActivityTest() {
    }

    static boolean isActive(ScoredVisit visit, PatientRecord record, RuleConfig config) {
        return route(visit, record, config).isPresent();
    }

    /** The first route by which the visit is active, in the order R1a, R1a', R1b, R1d; empty when none holds. */
    static Optional<Route> route(ScoredVisit visit, PatientRecord record, RuleConfig config) {
        CoreSetMeasures m = visit.measures();
        int abnormal = abnormalMeasures(m, config);
        if (!record.juvenile() && mmt8AtOrBelow(m, config.activeMmt8FractionOfMax()) && abnormal >= ADULT_MINIMUM_ABNORMAL) {
            return Optional.of(Route.ADULT_RIM);
        }
        if (record.diagnosis() == Diagnosis.DM && mmt8Below(m, config.weakMmt8FractionOfMax())
                && abnormal >= ADULT_MINIMUM_ABNORMAL) {
            return Optional.of(Route.DM_PRODERM);
        }
        if (skinActive(visit.signs(), m, record, config)) {
            return Optional.of(Route.SKIN_PREDOMINANT);
        }
        if (record.juvenile() && abnormal + (isWeak(m, config) ? 1 : 0) >= JUVENILE_MINIMUM_ABNORMAL) {
            return Optional.of(Route.JUVENILE_RIM);
        }
        return Optional.empty();
    }

    /** R1b: a dermatomyositis with CDASI activity at the moderate–severe cut-off and extramuscular global abnormal. */
    private static boolean skinActive(VisitSigns signs, CoreSetMeasures m, PatientRecord record, RuleConfig config) {
        return SKIN_ROUTE_SUBGROUPS.contains(record.diagnosis()) && signs.cdasiActivity() != null
                && signs.cdasiActivity() >= config.skinCdasiActivity()
                && atLeast(m.extramuscularActivity(), config.activeGlobalCm());
    }

    /** Weak (clinical-v2.md): MMT-8 below 142/150 (ProDERM) or, without MMT-8, CMAS below 48/52 (registry rule). */
    static boolean isWeak(CoreSetMeasures m, RuleConfig config) {
        if (hasMmt8(m)) {
            return mmt8Below(m, config.weakMmt8FractionOfMax());
        }
        return m.cmas() != null && m.cmas() < config.weakCmas();
    }

    /** Not weak, judged on a recorded strength: MMT-8 at or above 142/150, or without MMT-8 CMAS at or above 48. */
    static boolean isNotWeak(CoreSetMeasures m, RuleConfig config) {
        return (hasMmt8(m) || m.cmas() != null) && !isWeak(m, config);
    }

    static boolean hasMmt8(CoreSetMeasures m) {
        return m.mmt8() != null && m.mmt8Max() != null;
    }

    private static boolean mmt8AtOrBelow(CoreSetMeasures m, double fractionOfMax) {
        return hasMmt8(m) && (double) m.mmt8() / m.mmt8Max() <= fractionOfMax + TOLERANCE;
    }

    private static boolean mmt8Below(CoreSetMeasures m, double fractionOfMax) {
        return hasMmt8(m) && (double) m.mmt8() / m.mmt8Max() < fractionOfMax - TOLERANCE;
    }

    /** Set A of clinical-v2.md: the three globals count one each, the muscle enzymes once together, the HAQ once. */
    static int abnormalMeasures(CoreSetMeasures m, RuleConfig config) {
        int abnormal = 0;
        abnormal += atLeast(m.physicianGlobalActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += atLeast(m.patientGlobalActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += atLeast(m.extramuscularActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += mostRaisedMuscleEnzymeAbove(m, config.activeEnzymeTimesUln()).isPresent() ? 1 : 0;
        abnormal += atLeast(m.haq(), config.activeHaq()) ? 1 : 0;
        return abnormal;
    }

    /** The route and the values that make a visit active: "RIM adult criteria: MMT-8 110/150, PGA 4.5 cm, CK 3.1 × ULN". */
    static String describeActivity(ScoredVisit visit, PatientRecord record, RuleConfig config) {
        CoreSetMeasures m = visit.measures();
        List<String> parts = new ArrayList<>();
        if (hasMmt8(m)) {
            parts.add(ClinicalText.mmt8(m));
        } else if (m.cmas() != null) {
            parts.add("CMAS " + m.cmas() + "/52");
        }
        if (visit.signs().cdasiActivity() != null) {
            parts.add("CDASI activity " + visit.signs().cdasiActivity());
        }
        if (atLeast(m.physicianGlobalActivity(), config.activeGlobalCm())) {
            parts.add("PGA " + ClinicalText.number(m.physicianGlobalActivity()) + " cm");
        }
        if (atLeast(m.patientGlobalActivity(), config.activeGlobalCm())) {
            parts.add("PtGA " + ClinicalText.number(m.patientGlobalActivity()) + " cm");
        }
        if (atLeast(m.extramuscularActivity(), config.activeGlobalCm())) {
            parts.add("extramuscular " + ClinicalText.number(m.extramuscularActivity()) + " cm");
        }
        mostRaisedMuscleEnzymeAbove(m, config.activeEnzymeTimesUln()).ifPresent(e -> parts.add(ClinicalText.timesUln(e)));
        if (atLeast(m.haq(), config.activeHaq())) {
            parts.add("HAQ " + ClinicalText.number(m.haq()));
        }
        String values = String.join(", ", parts);
        return route(visit, record, config).map(route -> route.label() + ": " + values).orElse(values);
    }

    /** The muscle enzyme (CK, aldolase, LDH) furthest above normal, when it is above {@code timesUln} × ULN. */
    static Optional<EnzymeLevel> mostRaisedMuscleEnzymeAbove(CoreSetMeasures m, double timesUln) {
        EnzymeLevel mostRaised = null;
        for (EnzymeLevel enzyme : m.enzymes()) {
            if (MUSCLE_ENZYMES.contains(enzyme.test()) && (mostRaised == null || enzyme.timesUln() > mostRaised.timesUln())) {
                mostRaised = enzyme;
            }
        }
        return mostRaised != null && mostRaised.timesUln() > timesUln + TOLERANCE ? Optional.of(mostRaised) : Optional.empty();
    }

    private static boolean atLeast(Double value, double threshold) {
        return value != null && value >= threshold - TOLERANCE;
    }
}
