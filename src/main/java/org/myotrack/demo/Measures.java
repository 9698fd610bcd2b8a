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
     * Whether this visit meets the IMACS definition of worsening against {@code before} (Oddis 2005, clinical.md §5).
     * Values exactly at a threshold count as worsening so that the guard below errs on the safe side.
     */
    boolean worseThan(Measures before) {
        boolean globalAndStrength = physicianGlobal - before.physicianGlobal >= 2.0 - 1e-9
                && relativeFall(before.mmt8, mmt8) >= 0.2 - 1e-9;
        boolean extramuscularRise = extramuscular - before.extramuscular >= 2.0 - 1e-9;
        int worse = 0;
        worse += relativeRise(before.physicianGlobal, physicianGlobal) ? 1 : 0;
        worse += relativeRise(before.patientGlobal, patientGlobal) ? 1 : 0;
        worse += relativeRise(before.extramuscular, extramuscular) ? 1 : 0;
        worse += relativeRise(before.haq, haq) ? 1 : 0;
        worse += relativeFall(before.mmt8, mmt8) >= 0.3 - 1e-9 ? 1 : 0;
        return globalAndStrength || extramuscularRise || worse >= 3;
    }

    private static boolean relativeRise(double before, double after) {
        // A rise from 0 counts as worsening (clinical.md §5).
        return before == 0 ? after > 0 : (after - before) / before >= 0.3 - 1e-9;
    }

    private static double relativeFall(int before, int after) {
        return before == 0 ? 0 : (before - after) / (double) before;
    }

    /**
     * Removes any confirmed worsening the noise of a stable course produced by accident: where a visit would make
     * two consecutive visits worse (against the visit before the pair, or each against its own predecessor), it
     * takes the best of each global and the HAQ over itself and the two visits before it, and of strength if needed.
     */
    static void preventConfirmedWorsening(List<Measures> visits) {
        for (int j = 2; j < visits.size(); j++) {
            Measures first = visits.get(j - 2);
            Measures previous = visits.get(j - 1);
            Measures current = visits.get(j);
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
