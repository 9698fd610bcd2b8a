package org.myotrack.refractory;

import org.myotrack.therapy.StopReason;

import java.time.LocalDate;

/**
 * The adequate trials of clinical.md §6: a drug taken for the adequate-trial weeks (the German S2k guideline judges
 * failure at 3 months) or stopped earlier for intolerance (RIM counts intolerance as failure). Weeks run from the
 * first day to the last day taken, so a course begun on 1 January is complete on 26 March, twelve weeks on.
 */
final class AdequateTrial {

    private AdequateTrial() {
    }

    static boolean of(DrugCourse course, RuleConfig config) {
        return course.stopReason() == StopReason.INTOLERANCE
                || takenFor(course.startDate(), course.lastDay(), config.adequateTrialWeeks());
    }

    static boolean takenFor(LocalDate start, LocalDate lastDay, int weeks) {
        return !lastDay.isBefore(start.plusWeeks(weeks));
    }

    /**
     * The day a combination's trial was complete: {@code begin} plus the adequate-trial weeks when both drugs were
     * still taken together then, or the day the immunosuppressant was stopped for intolerance during the overlap,
     * whichever came first; null while the trial is not complete.
     */
    static LocalDate combinationCompletion(LocalDate begin, LocalDate lastDayTogether, DrugCourse immunosuppressant,
                                           RuleConfig config) {
        LocalDate completion = takenFor(begin, lastDayTogether, config.adequateTrialWeeks())
                ? begin.plusWeeks(config.adequateTrialWeeks()) : null;
        boolean intoleranceDuringOverlap = immunosuppressant.stopReason() == StopReason.INTOLERANCE
                && immunosuppressant.lastDay().equals(lastDayTogether);
        if (intoleranceDuringOverlap && (completion == null || lastDayTogether.isBefore(completion))) {
            completion = lastDayTogether;
        }
        return completion;
    }
}
