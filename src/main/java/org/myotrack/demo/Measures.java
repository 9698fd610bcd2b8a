package org.myotrack.demo;

import java.util.List;

/** Core-set values of one synthetic visit while its course is shaped, rounded to each scale's step as they are set. */
final class Measures {

    double physicianGlobal;
    double patientGlobal;
    double extramuscular;
    double haq;
    int mmt8;
    Integer cmas;
    double ckTimesUln;
    double damage;
    String note;
    /** Rules version 2 inputs (clinical-v2.md "New inputs"); null = not recorded at this visit. */
    Double bodyWeightKg;
    Integer cdasiActivity;
    Boolean dysphagia;
    Boolean fingerFlexorWeakness;
    Boolean quadricepsWeakness;

    // clinical-v2.md R2b: the least rise from 0 that counts as worse
    private static final double VAS_RISE_FROM_ZERO = 1.0;
    private static final double HAQ_RISE_FROM_ZERO = 0.25;

    /** False for a child assessed by the CMAS alone: the MMT-8 shaped here is then not recorded. */
    boolean recordsMmt8 = true;

    Measures(double physicianGlobal, double patientGlobal, double extramuscular, double haq, int mmt8, Integer cmas,
             double ckTimesUln, double damage) {
        this.physicianGlobal = tenth(physicianGlobal, 10);
        this.patientGlobal = tenth(patientGlobal, 10);
        this.extramuscular = tenth(extramuscular, 10);
        this.haq = eighth(haq);
        this.mmt8 = mmt8;
        this.cmas = cmas;
        this.ckTimesUln = Math.max(0, ckTimesUln);
        this.damage = Math.max(0, Math.min(1, damage));
    }

    /** Rounds to one decimal within 0..max, the step of the 10 cm VAS scales. */
    static double tenth(double value, double max) {
        return Math.round(Math.max(0, Math.min(max, value)) * 10) / 10.0;
    }

    /** Rounds to a multiple of 0.125 within 0..3, the step of the HAQ-DI and CHAQ. */
    static double eighth(double value) {
        return Math.round(Math.max(0, Math.min(3, value)) * 8) / 8.0;
    }

    /**
     * Whether this visit meets the IMACS definition of worsening against {@code before} (Oddis 2005, clinical.md §5,
     * with the rise from 0 of R2b). Strength is the CMAS where the visit records no MMT-8 (CMAS-only children), as the
     * rules compare it. Values exactly at a threshold count as worsening so that the guard below errs on the safe side.
     */
    boolean worseThan(Measures before) {
        double strengthFall = recordsMmt8 || cmas == null || before.cmas == null
                ? relativeFall(before.mmt8, mmt8) : relativeFall(before.cmas, cmas);
        boolean globalAndStrength = physicianGlobal - before.physicianGlobal >= 2.0 - 1e-9 && strengthFall >= 0.2 - 1e-9;
        boolean extramuscularRise = extramuscular - before.extramuscular >= 2.0 - 1e-9;
        int worse = 0;
        worse += relativeRise(before.physicianGlobal, physicianGlobal, VAS_RISE_FROM_ZERO) ? 1 : 0;
        worse += relativeRise(before.patientGlobal, patientGlobal, VAS_RISE_FROM_ZERO) ? 1 : 0;
        worse += relativeRise(before.extramuscular, extramuscular, VAS_RISE_FROM_ZERO) ? 1 : 0;
        worse += relativeRise(before.haq, haq, HAQ_RISE_FROM_ZERO) ? 1 : 0;
        worse += strengthFall >= 0.3 - 1e-9 ? 1 : 0;
        return globalAndStrength || extramuscularRise || worse >= 3;
    }

    private static boolean relativeRise(double before, double after, double riseFromZero) {
        // R2b: from a baseline of 0 only an absolute rise of 1.0 cm (VAS) or 0.25 (HAQ) counts as worse.
        return before == 0 ? after >= riseFromZero - 1e-9 : (after - before) / before >= 0.3 - 1e-9;
    }

    private static double relativeFall(int before, int after) {
        return before == 0 ? 0 : (before - after) / (double) before;
    }

    /**
     * Removes any confirmed worsening the noise of a stable course produced by accident: where a visit would make
     * two consecutive visits worse (against the visit before the pair, each against its own predecessor, or both
     * against the first visit, R2a), it takes the best of each global and the HAQ over itself, the two visits before
     * it and the first visit, and of strength if needed.
     */
    static void preventConfirmedWorsening(List<Measures> visits) {
        if (visits.isEmpty()) {
            return;
        }
        Measures baseline = visits.get(0);
        for (int j = 2; j < visits.size(); j++) {
            Measures first = visits.get(j - 2);
            Measures previous = visits.get(j - 1);
            Measures current = visits.get(j);
            boolean fromBaseline = previous.worseThan(baseline) && current.worseThan(baseline);
            if (fromBaseline) {
                current.physicianGlobal = Math.min(current.physicianGlobal, baseline.physicianGlobal);
                current.patientGlobal = Math.min(current.patientGlobal, baseline.patientGlobal);
                current.extramuscular = Math.min(current.extramuscular, baseline.extramuscular);
                current.haq = Math.min(current.haq, baseline.haq);
                if (current.worseThan(baseline)) {
                    current.mmt8 = Math.max(current.mmt8, baseline.mmt8);
                    if (current.cmas != null && baseline.cmas != null) {
                        current.cmas = Math.max(current.cmas, baseline.cmas);
                    }
                }
            }
            if (previous.worseThan(first) && (current.worseThan(previous) || current.worseThan(first))) {
                current.physicianGlobal = min(current.physicianGlobal, previous.physicianGlobal, first.physicianGlobal);
                current.patientGlobal = min(current.patientGlobal, previous.patientGlobal, first.patientGlobal);
                current.extramuscular = min(current.extramuscular, previous.extramuscular, first.extramuscular);
                current.haq = min(current.haq, previous.haq, first.haq);
                // Strength is raised only when the globals alone do not settle it, so a plateau stays a plateau.
                if (current.worseThan(previous) || current.worseThan(first)) {
                    current.mmt8 = Math.max(current.mmt8, Math.max(previous.mmt8, first.mmt8));
                    if (current.cmas != null && previous.cmas != null && first.cmas != null) {
                        current.cmas = Math.max(current.cmas, Math.max(previous.cmas, first.cmas));
                    }
                }
            }
        }
    }

    private static double min(double a, double b, double c) {
        return Math.min(a, Math.min(b, c));
    }
}
