package org.myotrack.therapy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A continuous course of one drug (or of one drug class): consecutive entries — dose changes, a taper — joined
 * when the gap between one entry's last day and the next one's start is at most {@code maxGapDays}.
 */
public record TherapyCourse(String key, LocalDate startDate, LocalDate lastDay, List<TherapyPeriod> entries) {

    /**
     * Joins entries into courses, grouping by {@code groupKey} (the drug, or the class for glucocorticoids), with
     * ongoing entries taken until {@code evaluationDate}. Entries starting after the evaluation date are ignored.
     */
    public static List<TherapyCourse> join(List<TherapyPeriod> therapies, Function<TherapyPeriod, String> groupKey,
                                           LocalDate evaluationDate, int maxGapDays) {
        Map<String, List<TherapyPeriod>> byKey = new TreeMap<>();
        for (TherapyPeriod therapy : therapies) {
            if (!therapy.startDate().isAfter(evaluationDate)) {
                byKey.computeIfAbsent(groupKey.apply(therapy), k -> new ArrayList<>()).add(therapy);
            }
        }
        List<TherapyCourse> courses = new ArrayList<>();
        for (Map.Entry<String, List<TherapyPeriod>> group : byKey.entrySet()) {
            List<TherapyPeriod> entries = new ArrayList<>(group.getValue());
            // A stable sort by start: entries starting on one day keep the caller's order, which the rules make an
            // order of content, so a course reads the same whatever order its entries were entered in.
            entries.sort(Comparator.comparing(TherapyPeriod::startDate));
            List<TherapyPeriod> current = new ArrayList<>();
            LocalDate start = null;
            LocalDate last = null;
            for (TherapyPeriod entry : entries) {
                if (last != null && ChronoUnit.DAYS.between(last, entry.startDate()) > maxGapDays) {
                    courses.add(new TherapyCourse(group.getKey(), start, last, List.copyOf(current)));
                    current.clear();
                    start = null;
                    last = null;
                }
                if (start == null) {
                    start = entry.startDate();
                }
                LocalDate entryLast = entry.lastDayTaken(evaluationDate);
                last = last == null || entryLast.isAfter(last) ? entryLast : last;
                current.add(entry);
            }
            if (start != null) {
                courses.add(new TherapyCourse(group.getKey(), start, last, List.copyOf(current)));
            }
        }
        courses.sort(Comparator.comparing(TherapyCourse::startDate).thenComparing(TherapyCourse::key));
        return courses;
    }
}
