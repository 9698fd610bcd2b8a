package org.myotrack.refractory;

import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A glucocorticoid taken together with a conventional immunosuppressant (clinical.md §6): it begins on the first
 * day both are taken and lasts while both courses continue.
 *
 * @param glucocorticoid the glucocorticoid entry taken on the day the combination began
 * @param completion     the day its adequate trial was complete; null while it is not
 */
record Combination(TherapyPeriod glucocorticoid, DrugCourse immunosuppressant, LocalDate begin,
                   LocalDate lastDayTogether, LocalDate completion) {

    /** Every combination of a glucocorticoid course with an immunosuppressant course that overlap, by begin day. */
    static List<Combination> of(List<GlucocorticoidCourse> glucocorticoids, List<DrugCourse> immunosuppressants,
                                RuleConfig config) {
        List<Combination> combinations = new ArrayList<>();
        for (DrugCourse immunosuppressant : immunosuppressants) {
            for (GlucocorticoidCourse glucocorticoid : glucocorticoids) {
                LocalDate from = latest(immunosuppressant.startDate(), glucocorticoid.startDate());
                LocalDate lastDayTogether = earliest(immunosuppressant.lastDay(), glucocorticoid.lastDay());
                GlucocorticoidCourse.DailyDose firstTaken = firstTakenFrom(glucocorticoid, from, lastDayTogether);
                if (firstTaken == null) {
                    continue;
                }
                LocalDate begin = latest(from, firstTaken.therapy().startDate());
                combinations.add(new Combination(firstTaken.therapy(), immunosuppressant, begin, lastDayTogether,
                        AdequateTrial.combinationCompletion(begin, lastDayTogether, immunosuppressant, config)));
            }
        }
        combinations.sort(Comparator.comparing(Combination::begin));
        return combinations;
    }

    boolean adequateBy(LocalDate day) {
        return completion != null && !completion.isAfter(day);
    }

    /** "prednisone with methotrexate", and the stop when the immunosuppressant was not tolerated. */
    String regimen() {
        String immunosuppressantName = ClinicalText.drugName(immunosuppressant.lastEntry());
        String text = ClinicalText.drugName(glucocorticoid) + " with " + immunosuppressantName;
        if (immunosuppressant.stopReason() == StopReason.INTOLERANCE && immunosuppressant.lastDay().equals(lastDayTogether)) {
            return text + " (" + immunosuppressantName + " stopped for intolerance on " + lastDayTogether + ")";
        }
        return text;
    }

    /** The entry of the course taken earliest on or after {@code from}, when that day is within the overlap. */
    private static GlucocorticoidCourse.DailyDose firstTakenFrom(GlucocorticoidCourse course, LocalDate from, LocalDate to) {
        GlucocorticoidCourse.DailyDose first = null;
        LocalDate firstDay = null;
        for (GlucocorticoidCourse.DailyDose entry : course.entries()) {
            if (entry.lastDay().isBefore(from)) {
                continue;
            }
            LocalDate day = latest(from, entry.therapy().startDate());
            if (!day.isAfter(to) && (firstDay == null || day.isBefore(firstDay))) {
                first = entry;
                firstDay = day;
            }
        }
        return first;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
