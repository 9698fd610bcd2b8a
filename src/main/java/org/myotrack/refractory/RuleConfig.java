package org.myotrack.refractory;

import org.myotrack.scoring.RiseFromZero;

import java.util.Locale;

/**
 * Thresholds of the refractory rules, version 2 (clinical.md §6 as amended by clinical-v2.md R1–R10). Every value has
 * the default of the specification; a registry that changes one reports a different rules version, so a flag always
 * names the rule set that produced it. Each component says whether its number is published or a registry choice.
 *
 * @param adequateTrialWeeks            weeks a drug (or a glucocorticoid + immunosuppressant combination) must be taken to count as an adequate trial (published: German S2k guideline judges failure at 3 months)
 * @param dependenceDoseMg              prednisone-equivalent daily dose above which a course is glucocorticoid-dependent (published: German S2k "Cushing threshold"; R6)
 * @param dependenceMonths              months after a continuous glucocorticoid course began from which the dependence dose counts (registry choice, clinical.md §6)
 * @param courseGapDays                 longest gap in days that does not break a continuous course (registry choice, clinical.md §6)
 * @param activeMmt8FractionOfMax       R1a: MMT-8 at or below this fraction of its maximum is weak enough for active disease in adults (published: RIM, 125/150)
 * @param weakMmt8FractionOfMax         MMT-8 below this fraction of its maximum is weak (published: ProDERM, 142/150; R1a', R1d, R9)
 * @param weakCmas                      without MMT-8, CMAS below this is weak (registry choice: PRINTO clinically-inactive threshold, Lazarevic 2013)
 * @param activeGlobalCm                a physician, patient or extramuscular global at or above this is abnormal (RIM; v1 value kept, to be checked against Oddis 2013 Table 1)
 * @param activeEnzymeTimesUln          a muscle enzyme (CK, aldolase, LDH) above this multiple of ULN is abnormal (RIM; v1 value kept)
 * @param activeHaq                     HAQ/CHAQ at or above this is abnormal (RIM; v1 value kept)
 * @param skinCdasiActivity             R1b: CDASI activity at or above this is moderate-to-severe skin disease (registry choice: Anyanwu, Br J Dermatol 2015, ≤ 14 mild)
 * @param riseFromZeroCm                R2b: least rise of a VAS global from 0 that counts as worse (registry choice)
 * @param riseFromZeroHaq               R2b: least rise of the HAQ/CHAQ from 0 that counts as worse (registry choice)
 * @param regimenBaselineDaysBefore     days before a regimen began within which a visit can be its baseline (registry choice)
 * @param regimenBaselineDaysAfter      days after a regimen began within which a visit can be its baseline (registry choice)
 * @param bodyWeightWindowDays          R6: a body weight converts a dose per kg on a day at most this many days away (registry choice)
 * @param juvenileDependenceMgPerKg     R6: juvenile dependence threshold in mg/kg/day, applied as min(dependence dose, this × weight) (registry choice, to be confirmed by paediatrics)
 * @param weaknessLookbackMonths        R9a compares with the latest visit at least this many months earlier (registry choice)
 * @param steroidMyopathyDoseMg         prednisone-equivalent daily dose suggesting glucocorticoid myopathy ... (registry choice, clinical.md §6)
 * @param steroidMyopathyWeeks          ... when taken for at least this many weeks (registry choice)
 * @param enzymesWithoutWeaknessGainPercent R9b: strength gain relative to the first visit (registry choice)
 * @param ibmOnsetAge                   R7 M1: symptom onset strictly after this age (published: ENMC 2011, &gt; 45 years)
 * @param ibmDurationMonths             R7 M2: disease duration strictly above this many months (published: ENMC 2011, &gt; 12 months)
 * @param ibmMaxCkTimesUln              R7 M3: every CK at most this multiple of ULN (published: ENMC 2011, ≤ 15 × ULN)
 * @param ibmProgressionMonths          R7 S4: slow progression judged against the latest visit at least this many months earlier (registry choice)
 */
public record RuleConfig(int adequateTrialWeeks, double dependenceDoseMg, int dependenceMonths, int courseGapDays,
                         double activeMmt8FractionOfMax, double weakMmt8FractionOfMax, int weakCmas,
                         double activeGlobalCm, double activeEnzymeTimesUln, double activeHaq, int skinCdasiActivity,
                         double riseFromZeroCm, double riseFromZeroHaq,
                         int regimenBaselineDaysBefore, int regimenBaselineDaysAfter,
                         int bodyWeightWindowDays, double juvenileDependenceMgPerKg,
                         int weaknessLookbackMonths, double steroidMyopathyDoseMg, int steroidMyopathyWeeks,
                         double enzymesWithoutWeaknessGainPercent, int ibmOnsetAge, int ibmDurationMonths,
                         double ibmMaxCkTimesUln, int ibmProgressionMonths) {

    /** The rule set's own version; a configuration that differs from the defaults adds a fingerprint of its values. */
    public static final String BASE_VERSION = "2";

    /** The defaults of clinical.md §6 as amended by clinical-v2.md. */
    public static RuleConfig defaults() {
        return new RuleConfig(12, 7.5, 6, 30, 125.0 / 150.0, 142.0 / 150.0, 48, 2.0, 1.5, 0.25, 15, 1.0, 0.25, 30, 14,
                90, 0.2, 3, 20.0, 4, 10.0, 45, 12, 15.0, 12);
    }

    /** "2" with the defaults; "2+" and a fingerprint of the thresholds otherwise. */
    public String version() {
        if (equals(defaults())) {
            return BASE_VERSION;
        }
        return BASE_VERSION + "+" + String.format(Locale.ROOT, "%08x", toString().hashCode());
    }

    /** The rise-from-zero thresholds of R2b as the scores take them. */
    public RiseFromZero riseFromZero() {
        return new RiseFromZero(riseFromZeroCm, riseFromZeroHaq);
    }
}
