package org.myotrack.refractory;

import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyCourse;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A continuous course of one drug other than a glucocorticoid, and how it ended.
 *
 * <p>Entries taken over a period join when the gap between them is at most the course gap. Single infusions
 * ({@code ONCE}, the way rituximab and often cyclophosphamide are recorded) act for months, far longer than the
 * course gap, so consecutive infusions of a drug form one course whatever the interval, until an infusion records a
 * stop reason; the course then lasts from the first infusion to the latest day recorded.
 *
 * @param endDate    the day the course ended, on or before the evaluation date; null while it is ongoing
 * @param stopReason why it ended; null while ongoing or when no reason was recorded
 * @param lastEntry  the entry that ends the course, the one that records the stop
 */
record DrugCourse(Drug drug, LocalDate startDate, LocalDate lastDay, List<TherapyPeriod> entries,
                  TherapyPeriod lastEntry, LocalDate endDate, StopReason stopReason) {

    /** The courses of the drugs {@code included} accepts, by start date; entries starting after the evaluation date are ignored. */
    static List<DrugCourse> of(List<TherapyPeriod> therapies, Predicate<Drug> included, LocalDate evaluationDate,
                               int courseGapDays) {
        Map<Drug, List<TherapyPeriod>> periods = new EnumMap<>(Drug.class);
        Map<Drug, List<TherapyPeriod>> infusions = new EnumMap<>(Drug.class);
        for (TherapyPeriod therapy : therapies) {
            if (!included.test(therapy.drug()) || therapy.startDate().isAfter(evaluationDate)) {
                continue;
            }
            (therapy.frequency() == Frequency.ONCE ? infusions : periods)
                    .computeIfAbsent(therapy.drug(), d -> new ArrayList<>()).add(therapy);
        }
        List<DrugCourse> courses = new ArrayList<>();
        for (List<TherapyPeriod> entries : periods.values()) {
            for (TherapyCourse course : TherapyCourse.join(entries, t -> t.drug().name(), evaluationDate, courseGapDays)) {
                courses.add(of(course.entries(), evaluationDate));
            }
        }
        for (List<TherapyPeriod> entries : infusions.values()) {
            courses.addAll(infusionCourses(entries, evaluationDate));
        }
        courses.sort(Comparator.comparing(DrugCourse::startDate).thenComparing(DrugCourse::drug));
        return courses;
    }

    private static List<DrugCourse> infusionCourses(List<TherapyPeriod> infusions, LocalDate evaluationDate) {
        List<TherapyPeriod> sorted = new ArrayList<>(infusions);
        sorted.sort(Comparator.comparing(TherapyPeriod::startDate).thenComparing(TherapyPeriod::id));
        List<DrugCourse> courses = new ArrayList<>();
        List<TherapyPeriod> current = new ArrayList<>();
        for (TherapyPeriod infusion : sorted) {
            current.add(infusion);
            if (infusion.stopReason() != null && endedBy(infusion, evaluationDate)) {
                courses.add(of(current, evaluationDate));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            courses.add(of(current, evaluationDate));
        }
        return courses;
    }

    private static DrugCourse of(List<TherapyPeriod> entries, LocalDate evaluationDate) {
        TherapyPeriod first = entries.get(0);
        TherapyPeriod last = first;
        LocalDate start = first.startDate();
        for (TherapyPeriod entry : entries) {
            if (entry.startDate().isBefore(start)) {
                start = entry.startDate();
            }
            if (!entry.lastDayTaken(evaluationDate).isBefore(last.lastDayTaken(evaluationDate))) {
                last = entry;
            }
        }
        boolean ended = endedBy(last, evaluationDate);
        return new DrugCourse(first.drug(), start, last.lastDayTaken(evaluationDate), List.copyOf(entries), last,
                ended ? last.endDate() : null, ended ? last.stopReason() : null);
    }

    private static boolean endedBy(TherapyPeriod entry, LocalDate evaluationDate) {
        return entry.endDate() != null && !entry.endDate().isAfter(evaluationDate);
    }

    /** "methotrexate from 2019-01-07 to 2019-06-03 (21 weeks), stopped for inefficacy". */
    String describe() {
        String span = endDate == null ? " from " + startDate + ", ongoing"
                : " from " + startDate + " to " + endDate + " (" + ClinicalText.weeksBetween(startDate, endDate) + " weeks)";
        String reason = stopReason == null ? "" : ", stopped for " + ClinicalText.words(stopReason.name());
        String dose = lastEntry.dose() == null ? "" : " " + lastEntry.doseLabel();
        return ClinicalText.drugName(lastEntry) + dose + span + reason;
    }
}
