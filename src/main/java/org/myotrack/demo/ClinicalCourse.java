package org.myotrack.demo;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Diagnosis;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.DoubleStream;

/** Shapes one patient's visits, therapies and follow-up investigations to fit its archetype's rules (clinical.md §6). */
final class ClinicalCourse {

    /** Prednisone steps of an induction taper in mg/day (BSR 2022: start 0.5–1 mg/kg, usually 40–60 mg). */
    private static final double[] TAPER_LADDER = {60, 50, 40, 30, 20, 15, 10, 7.5};
    /** Strength fraction just above the RIM activity cut-off of 83.3 % (125/150, clinical-v2.md R1a). */
    private static final double NOT_WEAK = 0.847;
    /** Strength fraction at the ProDERM weakness cut-off, 142/150: not weak from here on (clinical-v2.md R1a'). */
    private static final double PRODERM_NOT_WEAK = 142.0 / 150;
    /** CDASI activity from which the skin counts as moderately to severely active (R1b; Anyanwu 2015). */
    private static final int CDASI_ACTIVE = 15;
    /** Stories that end with normal enzymes and strength still improving. */
    private static final Set<Archetype> RECOVERING = EnumSet.of(Archetype.RESPONDER, Archetype.JUVENILE_RESPONDER,
            Archetype.MULTIPLE_AGENT_FAILURE, Archetype.STEROID_DEPENDENT, Archetype.WORSENING,
            Archetype.JUVENILE_DEPENDENT_PER_KG, Archetype.STATIN_EXPOSED_HMGCR, Archetype.STEROID_SPARING_METHOTREXATE);
    /**
     * Stories whose strength may fall over years by design; the others never end weaker than a year before, so the
     * slow-progression feature of the IBM criteria (R7 S4) does not appear by the noise of a plateau.
     */
    private static final Set<Archetype> SLOWLY_WEAKER = EnumSet.of(Archetype.DAMAGE_WITH_NORMAL_CK,
            Archetype.BIOPSY_WITHOUT_INFLAMMATION, Archetype.IBM_SLOW_DECLINE,
            Archetype.POLYMYOSITIS_MEETING_IBM_CRITERIA);

    private final Random rng;
    private final Archetype archetype;
    private final Diagnosis diagnosis;
    private final boolean juvenile;
    private final int mmt8Max;
    private final LocalDate diagnosisDate;
    private final int[] days;
    private final LocalDate[] dates;
    private final TherapyLog therapies;
    private final List<Measures> measures = new ArrayList<>();
    private final List<InvestigationRequest> investigations = new ArrayList<>();
    private final boolean folicAcid;

    ClinicalCourse(Random rng, Archetype archetype, Diagnosis diagnosis, boolean juvenile, int mmt8Max,
                   LocalDate diagnosisDate, LocalDate firstVisit, int[] days, LocalDate limit) {
        this.rng = rng;
        this.archetype = archetype;
        this.diagnosis = diagnosis;
        this.juvenile = juvenile;
        this.mmt8Max = mmt8Max;
        this.diagnosisDate = diagnosisDate;
        this.days = days.clone();
        this.dates = new LocalDate[days.length];
        for (int k = 0; k < days.length; k++) {
            dates[k] = firstVisit.plusDays(days[k]);
        }
        this.therapies = new TherapyLog(limit);
        this.folicAcid = rng.nextDouble() < 0.6;
    }

    List<Measures> measures() {
        return measures;
    }

    TherapyLog therapies() {
        return therapies;
    }

    List<InvestigationRequest> investigations() {
        return investigations;
    }

    /** Builds the course; call once. */
    ClinicalCourse build() {
        switch (archetype) {
            case RESPONDER -> responder(false);
            case JUVENILE_RESPONDER -> responder(true);
            case ACTIVE_ON_TWO_AGENTS -> activeOnTwoAgents();
            case DAMAGE_WITH_NORMAL_CK -> damageWithNormalCk();
            case CK_HIGH_WHILE_STRONGER -> ckHighWhileStronger();
            case BIOPSY_WITHOUT_INFLAMMATION -> biopsyWithoutInflammation();
            case MULTIPLE_AGENT_FAILURE -> multipleAgentFailure();
            case STEROID_DEPENDENT -> steroidDependent();
            case WORSENING -> worsening();
            case IBM_SLOW_DECLINE -> ibmSlowDecline(false);
            case JUVENILE_DEPENDENT_PER_KG -> juvenileDependentPerKg();
            case SKIN_PREDOMINANT -> skinPredominant();
            case POLYMYOSITIS_MEETING_IBM_CRITERIA -> ibmSlowDecline(true);
            case STATIN_EXPOSED_HMGCR -> statinExposedHmgcr();
            case REMISSION_WITH_NOISE -> remissionWithNoise();
            case STEROID_SPARING_METHOTREXATE -> steroidSparingMethotrexate();
        }
        if (archetype != Archetype.WORSENING) {
            Measures.preventConfirmedWorsening(measures);
        }
        if (RECOVERING.contains(archetype)) {
            endNormal();
            endStrongest();
        }
        if (!SLOWLY_WEAKER.contains(archetype)) {
            endNotWeakerThanAYearBefore();
        }
        return this;
    }


    private void responder(boolean juvenileCourse) {
        respondingMeasures(4, 25, 0.93, 0.97);
        LocalDate start = dates[0];
        double startDose = juvenileCourse ? (rng.nextBoolean() ? 30 : 40) : pick(40, 50, 60);
        if (chance(juvenileCourse ? 0.7 : 0.3)) {
            therapies.pulse(start, juvenileCourse ? 0.5 : 1.0);
        }
        LocalDate lowDose = inductionTaper(start, startDose);
        if (chance(0.6)) {
            therapies.prednisone(lowDose, new double[] {5, 2.5}, new int[] {days(180, 360), days(60, 90)},
                    StopReason.REMISSION);
        } else {
            therapies.prednisone(lowDose, new double[] {5}, new int[] {0}, null);
        }
        LocalDate mtxStart = start.plusDays(rng.nextInt(8));
        double mtxDose = juvenileCourse ? pick(10, 12.5, 15) : pick(15, 17.5, 20, 25);
        int stopVisit = firstVisitFrom(900);
        if (stopVisit > 0 && stopVisit < days.length - 1 && chance(0.4)) {
            methotrexate(mtxStart, mtxDose, juvenileCourse, dates[stopVisit], StopReason.REMISSION);
        } else {
            methotrexate(mtxStart, mtxDose, juvenileCourse, null, null);
        }
        if ((diagnosis == Diagnosis.DM || diagnosis == Diagnosis.JDM) && chance(0.5)) {
            therapies.ongoing(Drug.HYDROXYCHLOROQUINE, 200, DoseUnit.MG, Frequency.DAILY, Route.ORAL, start);
        }
        if (chance(0.35)) {
            int k = Math.min(days.length - 2, firstVisitFrom(300));
            mri(dates[k].minusDays(days(7, 30)), Finding.NORMAL);
        }
    }

    /**
     * Active at the first visit, then no longer active from the first review on: globals under 2 cm and CK under
     * 1.5 × ULN, strength recovering towards {@code strengthEnd} of its maximum.
     */
    private void respondingMeasures(double ckLow, double ckHigh, double strengthEndLow, double strengthEndHigh) {
        double pga0 = uniform(5.0, 7.5);
        double strength0 = uniform(0.62, 0.78);
        double ck0 = uniform(ckLow, ckHigh);
        double extramuscular0 = extramuscularAtDiagnosis();
        double pgaEnd = uniform(0.3, 0.9);
        double strengthEnd = uniform(strengthEndLow, strengthEndHigh);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            // A responder is no longer active from the first review on (clinical.md §6: at most one abnormal measure),
            // so no visit after twelve weeks of combined therapy can raise INADEQUATE_RESPONSE.
            double pga = Math.min(1.9, approach(pga0, pgaEnd, t, 45) + noise(0.2));
            measures.add(visit(pga, Math.min(1.9, pga + 0.3 + noise(0.3)),
                    Math.min(1.9, approach(extramuscular0, 0.2, t, 45) + noise(0.2)),
                    approach(strength0, strengthEnd, t, 120) + noise(0.01),
                    Math.min(1.4, approach(ck0, 0.6, t, 25) + noise(0.08)), 0.02 + 0.01 * t / 365.0));
        }
    }

    private void activeOnTwoAgents() {
        double pga0 = uniform(5.5, 7.5);
        double strength0 = uniform(0.6, 0.72);
        double ck0 = uniform(8, 30);
        double extramuscular0 = extramuscularAtDiagnosis();
        double pgaPlateau = uniform(3.0, 4.5);
        // Strength improves a little but stays weak: at most 80 % of the maximum and under 8 % above the first visit,
        // so the patient is still active and never shows ENZYMES_WITHOUT_WEAKNESS.
        double strengthPlateau = Math.min(0.78, strength0 + uniform(0.0, 0.04));
        double ckPlateau = uniform(2.2, 5.0);
        double extramuscularPlateau = Math.min(extramuscular0, uniform(1.5, 3.0));
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga = approach(pga0, pgaPlateau, t, 90) + noise(0.25);
            measures.add(visit(Math.max(2.6, pga), Math.max(2.6, pga + 0.5 + noise(0.3)),
                    approach(extramuscular0, extramuscularPlateau, t, 90) + noise(0.2),
                    approach(strength0, strengthPlateau, t, 120) + noise(0.01),
                    Math.max(2.0, approach(ck0, ckPlateau, t, 60) + noise(0.3)), damageBy(t, uniform(0.2, 0.3))));
        }
        int first = measures.get(0).mmt8;
        int ceiling = Math.min((int) Math.floor(0.8 * mmt8Max), (int) Math.floor(1.07 * first));
        for (Measures m : measures.subList(1, measures.size())) {
            m.mmt8 = Math.min(m.mmt8, ceiling);
        }

        LocalDate start = dates[0];
        if (chance(0.5)) {
            therapies.pulse(start, 1.0);
        }
        int switchVisit = firstVisitFrom(112);
        LocalDate switchDay = dates[switchVisit];
        // Stuck at 15–20 mg: above the 7.5 mg Cushing threshold long after six months (GLUCOCORTICOID_DEPENDENCE).
        LocalDate held = therapies.prednisone(start, new double[] {60, 40, 30, 20},
                new int[] {28, 21, 21, 21}, null);
        int heldDays = (int) Math.max(1, switchDay.toEpochDay() - held.toEpochDay());
        therapies.prednisone(held, new double[] {15, 20, 15}, new int[] {heldDays, 56, 0}, null);
        if (chance(0.6)) {
            methotrexate(start, pick(15, 20, 25), false, switchDay, StopReason.INEFFICACY);
        } else {
            therapies.stopped(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL, start,
                    switchDay, StopReason.INEFFICACY);
        }
        therapies.ongoing(Drug.MYCOPHENOLATE, pick(1.0, 1.5), DoseUnit.G, Frequency.TWICE_DAILY, Route.ORAL,
                switchDay);
        if (chance(0.5)) {
            int k = Math.min(days.length - 1, switchVisit + 1 + rng.nextInt(2));
            mri(dates[k].minusDays(days(5, 25)), Finding.MUSCLE_EDEMA);
        }
    }

    private void damageWithNormalCk() {
        double pga0 = uniform(6.0, 8.0);
        double strength0 = uniform(0.45, 0.6);
        double ck0 = uniform(5, 40);
        double extramuscular0 = extramuscularAtDiagnosis();
        double strengthPlateau = uniform(0.70, 0.78);
        double damagePlateau = uniform(0.35, 0.6);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga = Math.min(1.8, approach(pga0, uniform(0.8, 1.4), t, 40) + noise(0.2));
            Measures m = visit(pga, Math.min(1.9, pga + 0.2 + noise(0.2)),
                    Math.min(1.5, approach(extramuscular0, 0.3, t, 40) + noise(0.2)),
                    approach(strength0, strengthPlateau, t, 90) + noise(0.01),
                    uniform(0.3, 0.9), damageBy(t, damagePlateau));
            if (t >= 300) {
                // The plateau: strength no longer recovers and drifts down a point now and then (damage, not activity).
                m.mmt8 = Math.min(m.mmt8, measures.get(k - 1).mmt8 - (chance(0.3) ? 1 : 0));
            }
            measures.add(m);
        }
        LocalDate start = dates[0];
        if (chance(0.3)) {
            therapies.pulse(start, 1.0);
        }
        LocalDate lowDose = inductionTaper(start, pick(50, 60));
        therapies.prednisone(lowDose, new double[] {5}, new int[] {0}, null);
        firstLineAgent(start);
        int last = days.length - 1;
        LocalDate mriDay = dates[last - 1].minusDays(days(14, 60));
        mri(mriDay, pickFindings(EnumSet.of(Finding.FATTY_REPLACEMENT, Finding.ATROPHY),
                EnumSet.of(Finding.FATTY_REPLACEMENT), EnumSet.of(Finding.ATROPHY)));
    }

    private void ckHighWhileStronger() {
        boolean necrotising = diagnosis == Diagnosis.IMNM;
        double pga0 = uniform(5.0, 7.0);
        double strength0 = uniform(0.63, 0.74);
        double ck0 = necrotising ? uniform(20, 60) : uniform(6, 20);
        double extramuscular0 = extramuscularAtDiagnosis();
        double strengthEnd = uniform(0.9, 0.95);
        double ckPlateau = necrotising ? uniform(2.5, 6.0) : uniform(1.6, 3.0);
        double pgaEnd = uniform(1.0, 1.8);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        int floor = (int) Math.ceil(Math.max(NOT_WEAK * mmt8Max, 1.15 * measures.get(0).mmt8));
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga = approach(pga0, pgaEnd, t, 60) + noise(0.2);
            Measures m = visit(pga, pga + 0.3 + noise(0.3),
                    approach(extramuscular0, necrotising ? 0.1 : uniform(0.5, 1.5), t, 60) + noise(0.1),
                    approach(strength0, strengthEnd, t, 60) + noise(0.01),
                    Math.max(ckPlateau, approach(ck0, ckPlateau, t, 60)) + Math.abs(noise(0.2)),
                    damageBy(t, 0.15));
            // Strong enough from the first review on that no visit counts as active (MMT-8 above 125/150), and at
            // least 15 % above the first visit: the strength half of ENZYMES_WITHOUT_WEAKNESS.
            m.mmt8 = Math.max(m.mmt8, floor);
            measures.add(m);
        }
        LocalDate start = dates[0];
        LocalDate lowDose = inductionTaper(start, 60);
        therapies.prednisone(lowDose, new double[] {5}, new int[] {0}, null);
        if (necrotising) {
            methotrexate(start, pick(15, 20, 25), false, null, null);
            therapies.ongoing(Drug.IVIG, 2, DoseUnit.G_PER_KG, Frequency.EVERY_4_WEEKS, Route.IV,
                    start.plusDays(rng.nextInt(15)));
        } else {
            therapies.ongoing(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL, start);
        }
        if (chance(0.6)) {
            mri(dates[days.length - 2].plusDays(days(10, 40)), Finding.NORMAL);
        }
    }

    private void biopsyWithoutInflammation() {
        double pga0 = uniform(4.0, 6.0);
        double strength0 = uniform(0.6, 0.74);
        double ck0 = uniform(2.0, 6.0);
        double extramuscular0 = extramuscularAtDiagnosis();
        double declinePerYear = uniform(0.005, 0.015);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < days.length; k++) {
            double years = days[k] / 365.0;
            double pga = uniform(3.0, 4.5);
            Measures m = visit(pga, pga + uniform(0.3, 1.2), extramuscular0 + noise(0.1),
                    strength0 + 0.01 - declinePerYear * years + noise(0.005),
                    Math.max(1.6, ck0 * uniform(0.5, 0.9)), damageBy(days[k], 0.35));
            m.mmt8 = Math.min(m.mmt8, measures.get(0).mmt8 + 2);
            measures.add(m);
        }
        // Finger flexors weaker than shoulder abductors from the first review on (ENMC supporting feature, R7 S1), and
        // in some a swallowing difficulty that a refractory course makes a supporting feature too (R7 S3).
        int dysphagiaFrom = chance(0.4) ? 1 + rng.nextInt(days.length - 1) : days.length;
        for (int k = 0; k < days.length; k++) {
            Measures m = measures.get(k);
            m.fingerFlexorWeakness = k > 0;
            m.dysphagia = k >= dysphagiaFrom ? Boolean.TRUE : null;
        }
        LocalDate start = dates[0];
        int mtxFailure = firstVisitFrom(91);
        int azaFailure = firstVisitFrom(days[mtxFailure] + 180);
        LocalDate held = therapies.prednisone(start, new double[] {60, 40, 30}, new int[] {28, 28, 28}, null);
        int heldDays = (int) Math.max(1, dates[azaFailure].toEpochDay() - held.toEpochDay());
        therapies.prednisone(held, new double[] {20, 15}, new int[] {heldDays, 0}, null);
        methotrexate(start, pick(15, 20, 25), false, dates[mtxFailure], StopReason.INEFFICACY);
        therapies.stopped(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL,
                dates[mtxFailure], dates[azaFailure], StopReason.INEFFICACY);
        therapies.ongoing(Drug.IVIG, 2, DoseUnit.G_PER_KG, Frequency.EVERY_4_WEEKS, Route.IV, dates[azaFailure]);
        if (azaFailure + 1 < days.length) {
            // The "second diagnostic examination" of the refractory work-up: fat and atrophy, no oedema.
            mri(dates[azaFailure + 1].minusDays(days(10, 40)), pickFindings(
                    EnumSet.of(Finding.FATTY_REPLACEMENT, Finding.ATROPHY), EnumSet.of(Finding.FATTY_REPLACEMENT)));
        }
    }

    private void multipleAgentFailure() {
        LocalDate start = dates[0];
        LocalDate mtxStop = dates[1];
        LocalDate azaStop = mtxStop.plusDays(days(21, 56));
        LocalDate mmfStart = azaStop.plusDays(1);
        int rituximabVisit = firstVisitFrom((int) (mmfStart.toEpochDay() - start.toEpochDay()) + 170);
        int tr = days[rituximabVisit];

        double pga0 = uniform(6.0, 8.0);
        double strength0 = uniform(0.58, 0.72);
        double ck0 = uniform(5, 20);
        double extramuscular0 = extramuscularAtDiagnosis();
        double pgaActive = uniform(4.0, 5.5);
        double ckActive = uniform(3.0, 8.0);
        double pgaEnd = uniform(1.0, 1.8);
        double strengthEnd = uniform(0.86, 0.92);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga;
            double strength;
            double ck;
            double extramuscular;
            if (t <= tr) {
                pga = approach(pga0, pgaActive, t, 60) + noise(0.25);
                strength = strength0 + uniform(0.0, 0.03);
                ck = approach(ck0, ckActive, t, 60) + noise(0.3);
                extramuscular = approach(extramuscular0, Math.min(extramuscular0, 2.5), t, 90) + noise(0.2);
            } else {
                int since = t - tr;
                pga = approach(pgaActive, pgaEnd, since, 90) + noise(0.2);
                strength = approach(strength0 + 0.02, strengthEnd, since, 120) + noise(0.01);
                ck = approach(ckActive, 0.6, since, 45) + noise(0.05);
                extramuscular = approach(Math.min(extramuscular0, 2.5), 0.5, since, 90) + noise(0.1);
            }
            measures.add(visit(pga, pga + 0.4 + noise(0.3), extramuscular, strength, ck,
                    damageBy(t, uniform(0.15, 0.25))));
        }

        if (chance(0.5)) {
            therapies.pulse(start, 1.0);
        }
        LocalDate held = therapies.prednisone(start, new double[] {60, 40, 30, 20}, new int[] {28, 21, 21, 21}, null);
        LocalDate rituximab = dates[rituximabVisit];
        int heldDays = (int) Math.max(1, rituximab.toEpochDay() - held.toEpochDay());
        therapies.prednisone(held, new double[] {15, 20, 15, 10, 7.5, 5},
                new int[] {heldDays, 42, 42, 42, 42, 0}, null);
        methotrexate(start, pick(15, 20, 25), false, mtxStop, StopReason.INEFFICACY);
        therapies.stopped(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL, mtxStop,
                azaStop, StopReason.INTOLERANCE);
        therapies.ongoing(Drug.MYCOPHENOLATE, pick(1.0, 1.5), DoseUnit.G, Frequency.TWICE_DAILY, Route.ORAL,
                mmfStart);
        LocalDate lastVisit = dates[days.length - 1];
        // Rituximab 1 g twice two weeks apart (clinical.md §3), repeated every six months while followed.
        for (LocalDate course = rituximab; !course.plusDays(14).isAfter(lastVisit); course = course.plusDays(182)) {
            therapies.infusion(Drug.RITUXIMAB, 1, DoseUnit.G, course);
            therapies.infusion(Drug.RITUXIMAB, 1, DoseUnit.G, course.plusDays(14));
        }
        if (chance(0.5)) {
            mri(rituximab.minusDays(days(10, 40)), Finding.MUSCLE_EDEMA);
        }
    }

    private void steroidDependent() {
        boolean amyopathic = diagnosis == Diagnosis.CADM;
        double pga0 = uniform(6.0, 7.5);
        double strength0 = amyopathic ? uniform(0.9, 0.95) : uniform(0.67, 0.78);
        double ck0 = amyopathic ? uniform(0.5, 0.9) : uniform(3, 15);
        double extramuscular0 = extramuscularAtDiagnosis();
        List<Integer> flares = new ArrayList<>();
        for (int k = firstVisitFrom(160); k <= days.length - 2; k += 2 + rng.nextInt(2)) {
            flares.add(k);
        }
        Measures first = visit(pga0, pga0 + uniform(0.5, 1.5), extramuscular0, strength0, ck0, 0.02);
        measures.add(first);
        // Dermatomyositis is active by ProDERM from MMT-8 under 142/150 (R1a'), so its flares keep full strength.
        int strongFloor = (int) Math.ceil((diagnosis == Diagnosis.DM ? PRODERM_NOT_WEAK : NOT_WEAK) * mmt8Max);
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            Measures previous = measures.get(k - 1);
            Measures m;
            if (flares.contains(k)) {
                // A flare, but never "active" (MMT-8 stays above 125/150, in DM at 142/150 or more) and a physician
                // global rise under 2 cm, so it shows steroid dependence without INADEQUATE_RESPONSE or IMACS worsening.
                double pga = uniform(2.4, 3.0);
                m = visit(pga, pga + uniform(0.2, 0.5), previous.extramuscular + uniform(1.0, 1.8),
                        previous.mmt8 / (double) mmt8Max - uniform(0.02, 0.05),
                        amyopathic ? uniform(0.5, 0.9) : uniform(1.6, 3.0), damageBy(t, 0.15));
                m.note = "Flare after prednisone taper below 10 mg";
            } else {
                double pga = uniform(0.8, 1.6);
                m = visit(pga, pga + uniform(0.0, 0.6), uniform(0.3, 1.2),
                        Math.max(strength0, uniform(0.86, 0.93)), uniform(0.5, 0.9), damageBy(t, 0.15));
            }
            m.mmt8 = Math.max(m.mmt8, strongFloor);
            measures.add(m);
        }

        LocalDate start = dates[0];
        LocalDate cursor = therapies.prednisone(start, new double[] {60, 40, 30, 20, 15},
                new int[] {28, 21, 21, 21, 21}, null);
        for (int flare : flares) {
            LocalDate attempt = dates[flare].minusDays(28);
            int holdDays = (int) Math.max(1, attempt.toEpochDay() - cursor.toEpochDay());
            therapies.prednisone(cursor, new double[] {10, 7.5}, new int[] {holdDays, 28}, null);
            cursor = therapies.prednisone(dates[flare], new double[] {20, 15, 12.5}, new int[] {28, 42, 42}, null);
        }
        therapies.prednisone(cursor, new double[] {10}, new int[] {0}, null);
        if (chance(0.6)) {
            methotrexate(start, pick(15, 20, 25), false, null, null);
        } else {
            therapies.ongoing(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL, start);
        }
        if (amyopathic || (diagnosis == Diagnosis.DM && chance(0.5))) {
            therapies.ongoing(Drug.HYDROXYCHLOROQUINE, 200, DoseUnit.MG, Frequency.TWICE_DAILY, Route.ORAL, start);
        }
    }

    private void worsening() {
        boolean amyopathic = diagnosis == Diagnosis.CADM;
        int n = days.length;
        int onset = 2 + rng.nextInt(Math.max(1, n - 4));
        double pga0 = uniform(5.0, 7.0);
        double strength0 = amyopathic ? uniform(0.9, 0.95) : uniform(0.65, 0.78);
        double strengthGood = amyopathic ? uniform(0.96, 0.98) : uniform(0.88, 0.94);
        double ck0 = amyopathic ? uniform(0.5, 0.9) : uniform(4, 20);
        double extramuscular0 = extramuscularAtDiagnosis();
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        for (int k = 1; k < onset; k++) {
            int t = days[k];
            double pga = Math.min(1.8, approach(pga0, 0.8, t, 45) + noise(0.2));
            measures.add(visit(pga, pga + uniform(0.0, 0.5), Math.min(1.2, approach(extramuscular0, 0.4, t, 45)),
                    approach(strength0, strengthGood, t, 90), Math.min(0.9, approach(ck0, 0.6, t, 25) + noise(0.08)),
                    damageBy(t, 0.1)));
        }
        // Two consecutive visits each 2 cm or more worse on the physician and extramuscular globals and, where the
        // disease is myopathic, 20 % or more weaker: worse against their predecessor and against the visit before
        // the pair, so CONFIRMED_WORSENING holds under either reading of clinical.md §5.
        for (int k = onset; k <= onset + 1; k++) {
            Measures before = measures.get(k - 1);
            double pga = before.physicianGlobal + Measures.tenth(uniform(2.3, 2.8), 10);
            int mmt8 = amyopathic ? before.mmt8 - 2 : (int) Math.floor(before.mmt8 * uniform(0.74, 0.78));
            Measures m = visit(pga, pga + uniform(0.3, 1.0),
                    before.extramuscular + Measures.tenth(uniform(2.2, 2.8), 10), mmt8 / (double) mmt8Max,
                    amyopathic ? uniform(0.6, 0.95) : uniform(3, 8) * (k - onset + 1), damageBy(days[k], 0.2));
            m.mmt8 = mmt8;
            m.note = "Worse than at the previous visit";
            measures.add(m);
        }
        Measures worst = measures.get(onset + 1);
        for (int k = onset + 2; k < n; k++) {
            int since = days[k] - days[onset + 1];
            double pga = approach(worst.physicianGlobal, uniform(1.5, 2.5), since, 90) + noise(0.2);
            measures.add(visit(pga, pga + uniform(0.2, 0.8),
                    approach(worst.extramuscular, uniform(1.0, 2.0), since, 90),
                    approach(worst.mmt8 / (double) mmt8Max, amyopathic ? 0.95 : uniform(0.82, 0.9), since, 120),
                    approach(worst.ckTimesUln, 0.7, since, 45) + noise(0.05), damageBy(days[k], 0.3)));
        }

        LocalDate start = dates[0];
        LocalDate lowDose = inductionTaper(start, pick(40, 50, 60));
        int lowDays = (int) Math.max(1, dates[onset].toEpochDay() - lowDose.toEpochDay());
        therapies.prednisone(lowDose, new double[] {5}, new int[] {lowDays}, null);
        LocalDate escalation = dates[onset + 1];
        int raisedDays = (int) (escalation.toEpochDay() - dates[onset].toEpochDay());
        therapies.prednisone(dates[onset], new double[] {30}, new int[] {raisedDays}, null);
        therapies.pulse(escalation, 1.0);
        therapies.prednisone(escalation, new double[] {60, 40, 30, 20, 15, 10, 7.5, 5},
                new int[] {28, 28, 28, 28, 42, 56, 56, 0}, null);
        methotrexate(start, pick(15, 20, 25), false, escalation, StopReason.INEFFICACY);
        if (amyopathic) {
            therapies.ongoing(Drug.TACROLIMUS, pick(2, 3, 4), DoseUnit.MG, Frequency.TWICE_DAILY, Route.ORAL,
                    escalation);
        } else {
            therapies.ongoing(Drug.MYCOPHENOLATE, pick(1.0, 1.5), DoseUnit.G, Frequency.TWICE_DAILY, Route.ORAL,
                    escalation);
            if (diagnosis == Diagnosis.DM || chance(0.3)) {
                therapies.ongoing(Drug.IVIG, 2, DoseUnit.G_PER_KG, Frequency.EVERY_4_WEEKS, Route.IV,
                        escalation.plusDays(days(3, 14)));
            }
        }
        if (!amyopathic) {
            mri(escalation.minusDays(days(3, 20)), Finding.MUSCLE_EDEMA);
        }
    }

    /**
     * Slow loss of strength with CK mildly raised at every visit and the ENMC clinical features recorded; for a
     * patient recorded as polymyositis ({@code recordedAsPolymyositis}) the prednisone trial always happens, and may
     * be followed by methotrexate, which also fails.
     */
    private void ibmSlowDecline(boolean recordedAsPolymyositis) {
        double pga0 = uniform(2.5, 4.0);
        double strength0 = uniform(0.68, 0.82);
        double ck0 = uniform(1.3, 3.5);
        double extramuscular0 = extramuscularAtDiagnosis();
        double declinePerYear = uniform(0.015, 0.03);
        measures.add(visit(pga0, pga0 + uniform(0.5, 1.5), extramuscular0, strength0, ck0, 0.2));
        for (int k = 1; k < days.length; k++) {
            double years = days[k] / 365.0;
            double pga = pga0 + 0.1 * years + noise(0.15);
            Measures m = visit(pga, pga + uniform(0.5, 1.5), extramuscular0 + 0.1 * years + noise(0.1),
                    strength0 - declinePerYear * years + noise(0.005),
                    Math.max(1.15, ck0 + noise(0.2)), 0.2 + 0.06 * years);
            m.mmt8 = Math.min(m.mmt8, measures.get(k - 1).mmt8);
            measures.add(m);
        }
        // Finger flexors weaker than shoulder abductors at every visit (ENMC FF > SA), knee extension as weak as hip
        // flexion from some visit on in most, swallowing difficulty later in some.
        int quadricepsFrom = chance(0.7) ? rng.nextInt(days.length) : days.length;
        int dysphagiaFrom = chance(0.35) ? 1 + rng.nextInt(days.length - 1) : days.length;
        for (int k = 0; k < days.length; k++) {
            Measures m = measures.get(k);
            m.fingerFlexorWeakness = true;
            m.quadricepsWeakness = k >= quadricepsFrom;
            m.dysphagia = k >= dysphagiaFrom;
        }
        if (recordedAsPolymyositis || chance(0.5)) {
            // An empirical prednisone trial, stopped as ineffective before six months (no glucocorticoid dependence).
            therapies.prednisone(dates[0], new double[] {40, 20}, new int[] {56, 28}, StopReason.INEFFICACY);
            if (recordedAsPolymyositis && chance(0.6)) {
                // Methotrexate alone after the prednisone trial: never twelve weeks together with a glucocorticoid.
                LocalDate mtxStart = dates[0].plusDays(56);
                methotrexate(mtxStart, pick(15, 20), false, mtxStart.plusDays(days(112, 168)), StopReason.INEFFICACY);
            }
        }
    }


    /**
     * A child followed by CMAS, CHAQ and weight alone (no MMT-8), active by the juvenile RIM criteria at the first
     * visit (R1d), who responds to prednisolone per kg and methotrexate but is kept on 0.25 mg/kg until about a year:
     * above 0.2 mg/kg of its weight, under 7.5 mg, beyond six months (R6).
     */
    private void juvenileDependentPerKg() {
        // Strength recovers to a CMAS of 48 or more (not weak), so the weakness prompt has nothing to explain.
        respondingMeasures(4, 25, 0.975, 0.99);
        for (Measures m : measures) {
            m.recordsMmt8 = false;
        }
        LocalDate start = dates[0];
        if (chance(0.7)) {
            therapies.pulse(start, 0.5);
        }
        int heldDays = days(230, 300);
        therapies.prednisolonePerKg(start, new double[] {2, 1.5, 1, 0.75, 0.5, 0.25, 0.15, 0.1},
                new int[] {28, 21, 21, 28, 28, heldDays, 84, 84}, StopReason.REMISSION);
        methotrexate(start.plusDays(rng.nextInt(8)), pick(10, 12.5, 15), true, null, null);
        if (chance(0.5)) {
            therapies.ongoing(Drug.HYDROXYCHLOROQUINE, 200, DoseUnit.MG, Frequency.DAILY, Route.ORAL, start);
        }
    }

    /**
     * Dermatomyositis whose muscles recover (MMT-8 142/150 or more, CK normal from the first review) while the skin
     * stays active: CDASI activity 15 or more and extramuscular global 2 cm or more at every visit, on prednisone
     * tapered below 7.5 mg by six months with methotrexate and hydroxychloroquine (R1b).
     */
    private void skinPredominant() {
        boolean amyopathic = diagnosis == Diagnosis.CADM;
        double pga0 = uniform(4.0, 6.0);
        double strength0 = amyopathic ? uniform(0.95, 0.98) : uniform(0.86, 0.92);
        double ck0 = amyopathic ? uniform(0.5, 0.9) : uniform(1.6, 4.0);
        double extramuscular0 = uniform(5.0, 7.0);
        double extramuscularPlateau = uniform(2.8, 3.8);
        double strengthEnd = uniform(0.96, 0.99);
        int cdasi0 = days(24, 36);
        int cdasiPlateau = days(17, 23);
        Measures first = baseline(pga0, extramuscular0, strength0, ck0);
        first.cdasiActivity = cdasi0;
        measures.add(first);
        int strongFloor = (int) Math.ceil(PRODERM_NOT_WEAK * mmt8Max);
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga = Math.max(2.0, approach(pga0, 2.6, t, 60) + noise(0.2));
            Measures m = visit(pga, Math.max(2.2, pga + uniform(0.2, 0.8)),
                    Math.max(2.2, approach(extramuscular0, extramuscularPlateau, t, 60) + noise(0.2)),
                    approach(strength0, strengthEnd, t, 60), Math.min(0.95, approach(ck0, 0.5, t, 25) + noise(0.05)),
                    damageBy(t, 0.1));
            m.mmt8 = Math.max(m.mmt8, strongFloor);
            m.cdasiActivity = (int) Math.max(CDASI_ACTIVE + 1, Math.round(approach(cdasi0, cdasiPlateau, t, 90)
                    + noise(1.5)));
            measures.add(m);
        }
        LocalDate start = dates[0];
        LocalDate lowDose = inductionTaper(start, pick(40, 50, 60));
        therapies.prednisone(lowDose, new double[] {5}, new int[] {0}, null);
        methotrexate(start.plusDays(rng.nextInt(8)), pick(15, 20, 25), false, null, null);
        therapies.ongoing(Drug.HYDROXYCHLOROQUINE, 200, DoseUnit.MG, Frequency.TWICE_DAILY, Route.ORAL, start);
    }

    /**
     * Anti-HMGCR necrotising myopathy (the statin is recorded on the patient) with a high CK at diagnosis that
     * responds to prednisone, methotrexate and IVIG, the early option after a statin (Allenbach 2018).
     */
    private void statinExposedHmgcr() {
        respondingMeasures(15, 50, 0.92, 0.96);
        LocalDate start = dates[0];
        if (chance(0.5)) {
            therapies.pulse(start, 1.0);
        }
        LocalDate lowDose = inductionTaper(start, pick(50, 60));
        therapies.prednisone(lowDose, new double[] {5}, new int[] {0}, null);
        methotrexate(start.plusDays(rng.nextInt(8)), pick(15, 20, 25), false, null, null);
        therapies.ongoing(Drug.IVIG, 2, DoseUnit.G_PER_KG, Frequency.EVERY_4_WEEKS, Route.IV,
                start.plusDays(rng.nextInt(15)));
    }

    /**
     * In remission from the first registry visit, years after the diagnosis: globals 0 or a few millimetres, HAQ 0 or
     * 0.125, full strength, CK normal; the last low prednisone is tapered off, methotrexate continued or stopped.
     */
    private void remissionWithNoise() {
        for (int k = 0; k < days.length; k++) {
            double pga = chance(0.5) ? 0 : uniform(0.3, 0.8);
            double ptga = chance(0.4) ? 0 : uniform(0.3, 0.9);
            double extramuscular = chance(0.6) ? 0 : uniform(0.2, 0.6);
            Measures m = visit(pga, ptga, extramuscular, uniform(0.975, 1.0), uniform(0.3, 0.9),
                    uniform(0.02, 0.08));
            m.haq = chance(0.6) ? 0 : 0.125;
            measures.add(m);
        }
        LocalDate firstVisit = dates[0];
        if (chance(0.6)) {
            therapies.prednisone(firstVisit.minusDays(days(14, 60)), new double[] {5, 2.5},
                    new int[] {days(90, 180), days(60, 120)}, StopReason.REMISSION);
        }
        if (chance(0.7)) {
            LocalDate mtxStart = diagnosisDate.plusDays(rng.nextInt(8));
            int stopVisit = firstVisitFrom(365);
            if (stopVisit < days.length - 1 && chance(0.5)) {
                methotrexate(mtxStart, pick(10, 15), false, dates[stopVisit], StopReason.REMISSION);
            } else {
                methotrexate(mtxStart, pick(10, 15), false, null, null);
            }
        }
        if (diagnosis == Diagnosis.DM && chance(0.5)) {
            therapies.ongoing(Drug.HYDROXYCHLOROQUINE, 200, DoseUnit.MG, Frequency.DAILY, Route.ORAL,
                    diagnosisDate.plusDays(rng.nextInt(30)));
        }
    }

    /**
     * Active at diagnosis, near remission on 7.5 mg prednisone or less by six months (globals 1–2 cm, strength
     * 142/150 or more, CK normal), then methotrexate from a visit after six months only to taper the prednisone off:
     * the regimen baseline is not active, so its small TIS is a floor, not an inadequate response (R3).
     */
    private void steroidSparingMethotrexate() {
        double pga0 = uniform(4.5, 6.5);
        double strength0 = uniform(0.7, 0.8);
        double ck0 = uniform(3, 12);
        double extramuscular0 = extramuscularAtDiagnosis();
        double pgaPlateau = uniform(1.1, 1.6);
        double strengthEnd = uniform(0.955, 0.98);
        measures.add(baseline(pga0, extramuscular0, strength0, ck0));
        int strongFloor = (int) Math.ceil(PRODERM_NOT_WEAK * mmt8Max);
        for (int k = 1; k < days.length; k++) {
            int t = days[k];
            double pga = Math.min(1.9, approach(pga0, pgaPlateau, t, 45) + noise(0.15));
            Measures m = visit(pga, Math.min(1.9, pga + uniform(0.0, 0.4)),
                    Math.min(1.6, approach(extramuscular0, 0.8, t, 45) + noise(0.15)),
                    approach(strength0, strengthEnd, t, 60) + noise(0.005),
                    Math.min(1.2, approach(ck0, 0.6, t, 25) + noise(0.08)), damageBy(t, 0.08));
            if (t >= 150) {
                m.mmt8 = Math.max(m.mmt8, strongFloor);
            }
            measures.add(m);
        }
        LocalDate start = dates[0];
        LocalDate lowDose = inductionTaper(start, pick(30, 40, 50));
        int mtxVisit = firstVisitFrom(days(200, 300));
        LocalDate mtxStart = dates[mtxVisit];
        int fiveMg = (int) Math.max(1, mtxStart.toEpochDay() - lowDose.toEpochDay() + days(84, 112));
        therapies.prednisone(lowDose, new double[] {5, 2.5}, new int[] {fiveMg, days(84, 120)}, StopReason.OTHER);
        methotrexate(mtxStart, pick(15, 20), false, null, null);
        measures.get(mtxVisit).note = "Methotrexate started to spare steroids";
    }

    /**
     * The induction taper from {@code startDose} to 7.5 mg: a month at the start dose, then a step every two to
     * three weeks, so the dose is at or below 7.5 mg before six months (clinical.md §6, Cushing threshold).
     *
     * @return the day 5 mg begins
     */
    private LocalDate inductionTaper(LocalDate start, double startDose) {
        double[] steps = DoubleStream.concat(DoubleStream.of(startDose),
                Arrays.stream(TAPER_LADDER).filter(dose -> dose < startDose)).toArray();
        int[] stepDays = new int[steps.length];
        for (int i = 0; i < steps.length; i++) {
            stepDays[i] = i == 0 ? days(28, 35) : days(14, 21);
        }
        return therapies.prednisone(start, steps, stepDays, null);
    }

    private void firstLineAgent(LocalDate start) {
        if (chance(0.65)) {
            methotrexate(start, pick(15, 17.5, 20, 25), false, null, null);
        } else {
            therapies.ongoing(Drug.AZATHIOPRINE, pick(100, 150), DoseUnit.MG, Frequency.DAILY, Route.ORAL, start);
        }
    }

    private void methotrexate(LocalDate start, double dose, boolean subcutaneous, LocalDate end, StopReason reason) {
        Route route = subcutaneous || chance(0.3) ? Route.SC : Route.ORAL;
        therapies.stopped(Drug.METHOTREXATE, dose, DoseUnit.MG, Frequency.WEEKLY, route, start, end, reason);
        if (folicAcid) {
            therapies.add(Drug.OTHER, 5, DoseUnit.MG, Frequency.WEEKLY, Route.ORAL, start.plusDays(1),
                    end == null ? null : end.plusDays(1), end == null ? null : StopReason.OTHER, "Folic acid");
        }
    }


    private Measures baseline(double pga, double extramuscular, double strength, double ck) {
        return visit(pga, pga + uniform(0.3, 1.5), extramuscular, strength, ck, uniform(0.0, 0.05));
    }

    /** One visit's values; HAQ follows weakness and activity, CMAS follows MMT-8 for juvenile patients. */
    private Measures visit(double pga, double ptga, double extramuscular, double strength, double ckTimesUln,
                           double damage) {
        double fraction = Math.max(0, Math.min(1, strength));
        int mmt8 = (int) Math.round(fraction * mmt8Max);
        double haq = 4.0 * (1 - fraction) + 0.06 * pga + noise(0.06);
        Integer cmas = juvenile ? (int) Math.max(0, Math.min(52, Math.round(52 * (1 - 1.6 * (1 - fraction))))) : null;
        return new Measures(pga, ptga, extramuscular, haq, mmt8, cmas, ckTimesUln, damage);
    }

    /** Damage accrues over the first year or two towards {@code plateau} and never regresses (MDI). */
    private double damageBy(int day, double plateau) {
        return plateau * (1 - Math.exp(-day / 250.0));
    }

    /**
     * CK back within normal at the latest two visits and every enzyme with it, so a recovered patient never shows
     * ENZYMES_WITHOUT_WEAKNESS.
     */
    private void endNormal() {
        for (int k = Math.max(1, measures.size() - 2); k < measures.size(); k++) {
            Measures m = measures.get(k);
            m.ckTimesUln = Math.min(m.ckTimesUln, uniform(0.5, 0.9));
        }
    }

    /**
     * Makes the latest MMT-8 the highest of the last three visits: a patient still recovering, so the work-up
     * prompt WEAKNESS_WITHOUT_ACTIVITY, which asks for strength not higher than three months before, stays quiet.
     */
    private void endStrongest() {
        int n = measures.size();
        if (n < 3) {
            return;
        }
        Measures latest = measures.get(n - 1);
        for (int k = n - 3; k < n - 1; k++) {
            measures.get(k).mmt8 = Math.min(measures.get(k).mmt8, mmt8Max - 2);
        }
        int before = Math.max(measures.get(n - 2).mmt8, measures.get(n - 3).mmt8);
        latest.mmt8 = Math.min(mmt8Max, Math.max(latest.mmt8, before + 1 + rng.nextInt(2)));
    }

    /**
     * Raises the latest MMT-8 to that of the latest visit at least twelve months before it, so a story that is not
     * about slow progression does not show it (R7 S4) by the noise of a plateau.
     */
    private void endNotWeakerThanAYearBefore() {
        int last = measures.size() - 1;
        LocalDate yearBefore = dates[last].minusMonths(12);
        for (int k = last - 1; k >= 0; k--) {
            if (!dates[k].isAfter(yearBefore)) {
                Measures latest = measures.get(last);
                latest.mmt8 = Math.max(latest.mmt8, measures.get(k).mmt8);
                return;
            }
        }
    }

    private double extramuscularAtDiagnosis() {
        return switch (diagnosis) {
            case DM, JDM -> uniform(3.0, 6.0);
            case CADM -> uniform(5.0, 7.0);
            case ASYS, OVERLAP -> uniform(2.5, 5.0);
            case PM -> uniform(0.5, 1.5);
            case IMNM -> uniform(0.2, 1.0);
            default -> uniform(0.5, 1.5);
        };
    }


    private void mri(LocalDate date, Finding finding) {
        mri(date, EnumSet.of(finding));
    }

    private void mri(LocalDate date, EnumSet<Finding> findings) {
        investigations.add(new InvestigationRequest(date, InvestigationType.MRI, findings, null, null));
    }

    @SafeVarargs
    private EnumSet<Finding> pickFindings(EnumSet<Finding>... options) {
        return EnumSet.copyOf(options[rng.nextInt(options.length)]);
    }


    /** Index of the first visit on or after {@code day} of follow-up, or the last visit when there is none. */
    private int firstVisitFrom(int day) {
        for (int k = 1; k < days.length; k++) {
            if (days[k] >= day) {
                return k;
            }
        }
        return days.length - 1;
    }

    private static double approach(double from, double to, double day, double timeConstantDays) {
        return to + (from - to) * Math.exp(-day / timeConstantDays);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    private int days(int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    /** Gaussian noise bounded at two standard deviations, so one draw never overturns a course. */
    private double noise(double sd) {
        return Math.max(-2, Math.min(2, rng.nextGaussian())) * sd;
    }

    private boolean chance(double probability) {
        return rng.nextDouble() < probability;
    }

    private double pick(double... values) {
        return values[rng.nextInt(values.length)];
    }
}
