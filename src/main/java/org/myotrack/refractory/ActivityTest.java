package org.myotrack.refractory;

import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Active disease at one visit by the RIM and ProDERM entry criteria, as clinical.md §6 words them. */
final class ActivityTest {

    /** Ratios are compared with this tolerance so that 125/150 meets a cut-off of 125.0 / 150.0 despite rounding. */
    static final double TOLERANCE = 1e-9;
    /** "at least two other measures are abnormal" (RIM: Oddis et al., Arthritis Rheum 2013;65:314–24). */
    private static final int MINIMUM_OTHER_ABNORMAL = 2;

    private ActivityTest() {
    }

    /** Weak by MMT-8 and at least two other measures abnormal; a visit without MMT-8 is never active. */
    static boolean isActive(CoreSetMeasures m, RuleConfig config) {
        return isWeak(m, config) && abnormalOtherMeasures(m, config) >= MINIMUM_OTHER_ABNORMAL;
    }

    static boolean isWeak(CoreSetMeasures m, RuleConfig config) {
        return m.mmt8() != null && m.mmt8Max() != null
                && (double) m.mmt8() / m.mmt8Max() <= config.activeMmt8FractionOfMax() + TOLERANCE;
    }

    /** The three globals count one each, the enzymes once together, the HAQ once. */
    static int abnormalOtherMeasures(CoreSetMeasures m, RuleConfig config) {
        int abnormal = 0;
        abnormal += atLeast(m.physicianGlobalActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += atLeast(m.patientGlobalActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += atLeast(m.extramuscularActivity(), config.activeGlobalCm()) ? 1 : 0;
        abnormal += mostRaisedEnzymeAbove(m, config.activeEnzymeTimesUln()).isPresent() ? 1 : 0;
        abnormal += atLeast(m.haq(), config.activeHaq()) ? 1 : 0;
        return abnormal;
    }

    /** The values that make a visit active, MMT-8 first: "MMT-8 110/150, PGA 4.5 cm, CK 3.1 × ULN". */
    static String describeActivity(CoreSetMeasures m, RuleConfig config) {
        List<String> parts = new ArrayList<>();
        parts.add(ClinicalText.mmt8(m));
        if (atLeast(m.physicianGlobalActivity(), config.activeGlobalCm())) {
            parts.add("PGA " + ClinicalText.number(m.physicianGlobalActivity()) + " cm");
        }
        if (atLeast(m.patientGlobalActivity(), config.activeGlobalCm())) {
            parts.add("PtGA " + ClinicalText.number(m.patientGlobalActivity()) + " cm");
        }
        if (atLeast(m.extramuscularActivity(), config.activeGlobalCm())) {
            parts.add("extramuscular " + ClinicalText.number(m.extramuscularActivity()) + " cm");
        }
        mostRaisedEnzymeAbove(m, config.activeEnzymeTimesUln()).ifPresent(e -> parts.add(ClinicalText.timesUln(e)));
        if (atLeast(m.haq(), config.activeHaq())) {
            parts.add("HAQ " + ClinicalText.number(m.haq()));
        }
        return String.join(", ", parts);
    }

    /** The enzyme furthest above normal, when it is above {@code timesUln} × ULN. */
    static Optional<EnzymeLevel> mostRaisedEnzymeAbove(CoreSetMeasures m, double timesUln) {
        EnzymeLevel mostRaised = null;
        for (EnzymeLevel enzyme : m.enzymes()) {
            if (mostRaised == null || enzyme.timesUln() > mostRaised.timesUln()) {
                mostRaised = enzyme;
            }
        }
        return mostRaised != null && mostRaised.timesUln() > timesUln + TOLERANCE ? Optional.of(mostRaised) : Optional.empty();
    }

    private static boolean atLeast(Double value, double threshold) {
        return value != null && value >= threshold - TOLERANCE;
    }
}
