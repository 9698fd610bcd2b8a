package org.myotrack.refractory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GLUCOCORTICOID_DEPENDENCE} (clinical.md §6): on some day at least the dependence months after a
 * continuous glucocorticoid course began, the prednisone-equivalent daily dose, summed over the entries taken that
 * day, was above the dependence dose. A therapy fact: {@code since} is the first such day.
 */
final class GlucocorticoidDependenceRule {

    static final String REFERENCE = "German S2k guideline on myositis (DGN 2022): Cushing threshold 7.5 mg/day";

    private GlucocorticoidDependenceRule() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        RuleConfig config = timeline.config();
        for (GlucocorticoidCourse course : timeline.glucocorticoidCourses()) {
            LocalDate from = course.startDate().plusMonths(config.dependenceMonths());
            Optional<LocalDate> day = course.firstDayAbove(from, config.dependenceDoseMg());
            if (day.isPresent()) {
                return Optional.of(flag(course, day.get(), config));
            }
        }
        return Optional.empty();
    }

    /** Whole months since the course began; a course begun on the 31st reaches six months on the 30th, so never fewer than the rule's months. */
    private static long monthsInto(LocalDate start, LocalDate day, RuleConfig config) {
        return Math.max(ChronoUnit.MONTHS.between(start, day), config.dependenceMonths());
    }

    private static Flag flag(GlucocorticoidCourse course, LocalDate day, RuleConfig config) {
        String message = "Prednisone-equivalent " + ClinicalText.number(course.doseOn(day)) + " mg/day on " + day + ", "
                + monthsInto(course.startDate(), day, config) + " months into a glucocorticoid course begun on "
                + course.startDate() + ", is above " + ClinicalText.number(config.dependenceDoseMg())
                + " mg/day: consider adding or changing a steroid-sparing agent.";
        List<Evidence> evidence = new ArrayList<>();
        GlucocorticoidCourse.DailyDose first = course.entries().get(0);
        evidence.add(ClinicalText.therapyEvidence(first.therapy(), "Glucocorticoid course began"));
        for (GlucocorticoidCourse.DailyDose entry : course.entriesOn(day)) {
            if (entry != first) {
                evidence.add(ClinicalText.therapyEvidence(entry.therapy(), "Taken on " + day + ", "
                        + ClinicalText.number(entry.prednisoneMg()) + " mg/day prednisone equivalent"));
            }
        }
        return new Flag(FlagCode.GLUCOCORTICOID_DEPENDENCE, day, message, List.copyOf(evidence), REFERENCE);
    }
}
