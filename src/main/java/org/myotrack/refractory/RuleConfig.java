package org.myotrack.refractory;

import java.util.Locale;

/**
 * Thresholds of the refractory rules ("registry rules, version 1" of clinical.md §6). Every value has the default
 * of clinical.md; a registry that changes one reports a different rules version, so a flag always names the rule
 * set that produced it.
 *
 * @param adequateTrialWeeks            weeks a drug (or a glucocorticoid + immunosuppressant combination) must be taken to count as an adequate trial (German S2k guideline: failure judged at 3 months)
 * @param dependenceDoseMg              prednisone-equivalent daily dose above which a course is glucocorticoid-dependent (German guideline "Cushing threshold")
 * @param dependenceMonths              months after a continuous glucocorticoid course began from which the dependence dose counts
 * @param courseGapDays                 longest gap in days that does not break a continuous course
 * @param activeMmt8FractionOfMax       MMT-8 at or below this fraction of its maximum is weak (RIM/ProDERM entry: 125/150)
 * @param activeGlobalCm                a physician, patient or extramuscular global at or above this is abnormal
 * @param activeEnzymeTimesUln          an enzyme above this multiple of ULN is abnormal
 * @param activeHaq                     HAQ at or above this is abnormal
 * @param regimenBaselineDaysBefore     days before a regimen began within which a visit can be its baseline
 * @param regimenBaselineDaysAfter      days after a regimen began within which a visit can be its baseline
 * @param weaknessLookbackMonths        WEAKNESS_WITHOUT_ACTIVITY compares with the latest visit at least this many months earlier
 * @param steroidMyopathyDoseMg         prednisone-equivalent daily dose suggesting glucocorticoid myopathy ...
 * @param steroidMyopathyWeeks          ... when taken for at least this many weeks
 * @param enzymesWithoutWeaknessGainPercent MMT-8 gain (relative to the first visit) for ENZYMES_WITHOUT_WEAKNESS
 * @param ibmOnsetAge                   onset age from which a refractory PM or seronegative IMNM prompts CONSIDER_IBM
 */
public record RuleConfig(int adequateTrialWeeks, double dependenceDoseMg, int dependenceMonths, int courseGapDays,
                         double activeMmt8FractionOfMax, double activeGlobalCm, double activeEnzymeTimesUln,
                         double activeHaq, int regimenBaselineDaysBefore, int regimenBaselineDaysAfter,
                         int weaknessLookbackMonths, double steroidMyopathyDoseMg, int steroidMyopathyWeeks,
                         double enzymesWithoutWeaknessGainPercent, int ibmOnsetAge) {

    /** The rule set's own version; a configuration that differs from the defaults adds a fingerprint of its values. */
    public static final String BASE_VERSION = "1";

    /** The defaults of clinical.md §6. */
    public static RuleConfig defaults() {
        return new RuleConfig(12, 7.5, 6, 30, 125.0 / 150.0, 2.0, 1.5, 0.25, 30, 14, 3, 20.0, 4, 10.0, 45);
    }

    /** "1" with the defaults; "1+" and a fingerprint of the thresholds otherwise. */
    public String version() {
        if (equals(defaults())) {
            return BASE_VERSION;
        }
        return BASE_VERSION + "+" + String.format(Locale.ROOT, "%08x", toString().hashCode());
    }
}
