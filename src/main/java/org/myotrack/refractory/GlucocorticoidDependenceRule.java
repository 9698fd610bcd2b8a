package org.myotrack.refractory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GLUCOCORTICOID_DEPENDENCE} (clinical.md §6, R6): on some day at least the dependence months after a
 * continuous glucocorticoid course began, the prednisone-equivalent daily dose, summed over the entries taken that
 * day, was above the dependence dose (German S2k: 7.5 mg/day); for a juvenile patient with a known weight, above
 * min(7.5 mg, 0.2 mg/kg × weight) (registry rule). Doses per kilogram are converted with the weight of the day
 * ({@link BodyWeights}); where none is known the dose is not evaluated and the physician is told to record a weight.
 * A therapy fact: {@code since} is the first such day.
 */
final class GlucocorticoidDependenceRule {

    static final String REFERENCE = "German S2k guideline on myositis (DGN 2022): Cushing threshold 7.5 mg/day";

    private GlucocorticoidDependenceRule() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        RuleConfig config = timeline.config();
        boolean juvenile = timeline.record().juvenile();
        String missingWeight = null;
        for (GlucocorticoidCourse course : timeline.glucocorticoidCourses()) {
            LocalDate from = course.startDate().plusMonths(config.dependenceMonths());
            for (LocalDate day : course.changeDays(from)) {
                double dose = course.doseOn(day);
                Double weight = timeline.weights().on(day);
                double threshold = threshold(config, juvenile, weight);
                if (dose > threshold + ActivityTest.TOLERANCE) {
                    return Optional.of(flag(timeline, course, day, threshold, weight));
                }
                List<GlucocorticoidCourse.DailyDose> unevaluable = course.unevaluableOn(day);
                if (missingWeight == null && !unevaluable.isEmpty()) {
                    missingWeight = "Body weight at a visit within " + config.bodyWeightWindowDays() + " days of "
                            + day + ": " + ClinicalText.therapy(unevaluable.get(0).therapy())
                            + " is dosed per kg, so glucocorticoid dependence could not be judged on that day";
                } else if (missingWeight == null && juvenile && weight == null && dose > 0) {
                    missingWeight = "Body weight at a visit within " + config.bodyWeightWindowDays() + " days of "
                            + day + ": the juvenile dependence threshold of "
                            + ClinicalText.number(config.juvenileDependenceMgPerKg()) + " mg/kg/day needs it";
                }
            }
        }
        if (missingWeight != null) {
            timeline.toRecord(missingWeight);
        }
        return Optional.empty();
    }

    /** R6: 7.5 mg/day; for a juvenile patient with a known weight, the lower of that and the per-kg threshold. */
    private static double threshold(RuleConfig config, boolean juvenile, Double weight) {
        if (!juvenile || weight == null) {
            return config.dependenceDoseMg();
        }
        return Math.min(config.dependenceDoseMg(), config.juvenileDependenceMgPerKg() * weight);
    }

    /** Whole months since the course began; a course begun on the 31st reaches six months on the 30th, so never fewer than the rule's months. */
    private static long monthsInto(LocalDate start, LocalDate day, RuleConfig config) {
        return Math.max(ChronoUnit.MONTHS.between(start, day), config.dependenceMonths());
    }

    private static Flag flag(PatientTimeline timeline, GlucocorticoidCourse course, LocalDate day, double threshold,
                             Double weight) {
        RuleConfig config = timeline.config();
        String limit = ClinicalText.number(threshold) + " mg/day";
        if (threshold < config.dependenceDoseMg()) {
            limit += " (" + ClinicalText.number(config.juvenileDependenceMgPerKg()) + " mg/kg at "
                    + ClinicalText.number(weight) + " kg)";
        }
        String finding = "Prednisone-equivalent " + ClinicalText.number(round(course.doseOn(day))) + " mg/day on " + day
                + ", " + monthsInto(course.startDate(), day, config) + " months into a glucocorticoid course begun on "
                + course.startDate() + ", is above " + limit
                + ": the disease may not be controlled without glucocorticoids.";
        List<Evidence> evidence = new ArrayList<>();
        GlucocorticoidCourse.DailyDose first = course.entries().get(0);
        evidence.add(ClinicalText.therapyEvidence(first.therapy(), "Glucocorticoid course began"));
        for (GlucocorticoidCourse.DailyDose entry : course.entriesOn(day)) {
            if (entry != first) {
                evidence.add(ClinicalText.therapyEvidence(entry.therapy(), "Taken on " + day + ", "
                        + ClinicalText.number(round(course.doseOf(entry, day).orElse(0))) + " mg/day prednisone equivalent"));
            }
        }
        LocalDate weighed = timeline.weights().recordedOnFor(day);
        if (weight != null && weighed != null
                && (threshold < config.dependenceDoseMg() || course.entriesOn(day).stream().anyMatch(GlucocorticoidCourse.DailyDose::perKg))) {
            timeline.visitWeighedOn(weighed).ifPresent(visit -> evidence.add(new Evidence("visit", visit.id(),
                    "Body weight " + ClinicalText.number(weight) + " kg on " + weighed + ", used for the dose per kg")));
        }
        return Flag.refractory(FlagCode.GLUCOCORTICOID_DEPENDENCE, day, finding, evidence, REFERENCE);
    }

    private static double round(double mg) {
        return Math.round(mg * 10) / 10.0;
    }
}
