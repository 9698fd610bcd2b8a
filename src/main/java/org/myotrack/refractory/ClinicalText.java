package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.patient.Diagnosis;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes visit values, therapy entries and drug names the way flag messages and evidence show them to a physician. */
final class ClinicalText {

    private ClinicalText() {
    }

    /** A number with at most three decimals and no trailing zeros: 2, 4.5, 1.125. */
    static String number(double value) {
        return TherapyPeriod.formatNumber(value);
    }

    /** "CK 3.1 × ULN", one decimal always. */
    static String timesUln(EnzymeLevel enzyme) {
        return enzyme.test() + " " + Math.round(enzyme.timesUln() * 10) / 10.0 + " × ULN";
    }

    static String mmt8(CoreSetMeasures measures) {
        return "MMT-8 " + measures.mmt8() + "/" + measures.mmt8Max();
    }

    /** Every activity measure the visit recorded, strength first. */
    static String measures(CoreSetMeasures m) {
        List<String> parts = new ArrayList<>();
        if (m.mmt8() != null && m.mmt8Max() != null) {
            parts.add(mmt8(m));
        }
        if (m.cmas() != null) {
            parts.add("CMAS " + m.cmas() + "/52");
        }
        if (m.physicianGlobalActivity() != null) {
            parts.add("PGA " + number(m.physicianGlobalActivity()) + " cm");
        }
        if (m.patientGlobalActivity() != null) {
            parts.add("PtGA " + number(m.patientGlobalActivity()) + " cm");
        }
        if (m.extramuscularActivity() != null) {
            parts.add("extramuscular " + number(m.extramuscularActivity()) + " cm");
        }
        if (m.haq() != null) {
            parts.add("HAQ " + number(m.haq()));
        }
        for (EnzymeLevel enzyme : m.enzymes()) {
            parts.add(timesUln(enzyme));
        }
        return parts.isEmpty() ? "no activity measures" : String.join(", ", parts);
    }

    static String visit(ScoredVisit visit) {
        String cdasi = visit.signs().cdasiActivity() == null ? "" : ", CDASI activity " + visit.signs().cdasiActivity();
        return visit.date() + ": " + measures(visit.measures()) + cdasi;
    }

    /** The visit by its date and values; a raised AST or ALT with a normal CK is pointed out (R4). */
    static Evidence visitEvidence(ScoredVisit visit, String role) {
        String detail = role + ", " + visit(visit);
        if (liverEnzymesRaisedWithNormalCk(visit.measures())) {
            detail += "; AST/ALT raised with normal CK: consider methotrexate hepatotoxicity";
        }
        return new Evidence("visit", visit.id(), detail);
    }

    /** R4: AST or ALT above its upper limit while every CK measured at the visit is within it. */
    static boolean liverEnzymesRaisedWithNormalCk(CoreSetMeasures m) {
        boolean liverRaised = false;
        boolean ckMeasured = false;
        for (EnzymeLevel enzyme : m.enzymes()) {
            if ((enzyme.test() == EnzymeTest.AST || enzyme.test() == EnzymeTest.ALT) && enzyme.value() > enzyme.uln()) {
                liverRaised = true;
            }
            if (enzyme.test() == EnzymeTest.CK) {
                if (enzyme.value() > enzyme.uln()) {
                    return false;
                }
                ckMeasured = true;
            }
        }
        return liverRaised && ckMeasured;
    }

    static String diagnosis(Diagnosis diagnosis) {
        return diagnosis.label();
    }

    static String drugName(TherapyPeriod therapy) {
        return therapy.drug() == Drug.OTHER ? therapy.displayName() : therapy.drug().name().toLowerCase(Locale.ROOT);
    }

    /** "methotrexate 20 mg weekly oral, 2020-01-05 to 2020-06-01, stopped for inefficacy". */
    static String therapy(TherapyPeriod t) {
        StringBuilder text = new StringBuilder(drugName(t));
        if (t.dose() != null) {
            text.append(' ').append(t.doseLabel());
        }
        if (t.route() != null) {
            text.append(' ').append(switch (t.route()) {
                case ORAL -> "oral";
                case TOPICAL -> "topical";
                case IV, SC, IM -> t.route().name();
            });
        }
        text.append(", ").append(t.startDate());
        text.append(t.endDate() == null ? " onwards" : " to " + t.endDate());
        if (t.stopReason() != null) {
            text.append(", stopped for ").append(words(t.stopReason().name()));
        }
        return text.toString();
    }

    static Evidence therapyEvidence(TherapyPeriod therapy, String role) {
        return new Evidence("therapy", therapy.id(), role + ", " + therapy(therapy));
    }

    /** "fatty replacement, atrophy". */
    static String findings(Set<Finding> findings) {
        return String.join(", ", findings.stream().sorted().map(f -> words(f.name())).toList());
    }

    static long weeksBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7;
    }

    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
