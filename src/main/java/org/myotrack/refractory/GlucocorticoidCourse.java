package org.myotrack.refractory;

import org.myotrack.therapy.DrugClass;
import org.myotrack.therapy.TherapyCourse;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A continuous glucocorticoid course (clinical.md §6): every daily-dose glucocorticoid entry, whatever the drug,
 * joined across gaps of at most the course gap. Pulses and doses that cannot be converted to a prednisone-equivalent
 * daily dose are not part of the daily course.
 */
record GlucocorticoidCourse(LocalDate startDate, LocalDate lastDay, List<DailyDose> entries) {

    /** One daily-dose entry with its prednisone-equivalent dose and the last day it was taken. */
    record DailyDose(TherapyPeriod therapy, double prednisoneMg, LocalDate lastDay) {

        boolean takenOn(LocalDate day) {
            return !day.isBefore(therapy.startDate()) && !day.isAfter(lastDay);
        }
    }

    /** The courses in start order, ongoing entries taken until {@code evaluationDate}. */
    static List<GlucocorticoidCourse> join(List<TherapyPeriod> therapies, LocalDate evaluationDate, int courseGapDays) {
        Map<TherapyPeriod, Double> doses = new IdentityHashMap<>();
        List<TherapyPeriod> daily = new ArrayList<>();
        for (TherapyPeriod therapy : therapies) {
            if (therapy.drug().drugClass() != DrugClass.GLUCOCORTICOID) {
                continue;
            }
            OptionalDouble dose = therapy.prednisoneEquivalentMgPerDay();
            if (dose.isPresent()) {
                doses.put(therapy, dose.getAsDouble());
                daily.add(therapy);
            }
        }
        List<GlucocorticoidCourse> courses = new ArrayList<>();
        for (TherapyCourse course : TherapyCourse.join(daily, t -> DrugClass.GLUCOCORTICOID.name(), evaluationDate, courseGapDays)) {
            List<DailyDose> entries = new ArrayList<>(course.entries().size());
            for (TherapyPeriod entry : course.entries()) {
                entries.add(new DailyDose(entry, doses.get(entry), entry.lastDayTaken(evaluationDate)));
            }
            courses.add(new GlucocorticoidCourse(course.startDate(), course.lastDay(), List.copyOf(entries)));
        }
        return courses;
    }

    /** Prednisone-equivalent daily dose on {@code day}: the sum over the entries taken that day. */
    double doseOn(LocalDate day) {
        double dose = 0;
        for (DailyDose entry : entries) {
            if (entry.takenOn(day)) {
                dose += entry.prednisoneMg();
            }
        }
        return dose;
    }

    List<DailyDose> entriesOn(LocalDate day) {
        return entries.stream().filter(e -> e.takenOn(day)).toList();
    }

    /**
     * The first day from {@code from} to the course's last day with a dose above {@code mg}. The dose rises only
     * where an entry starts, so {@code from} and those starts are the only days to check.
     */
    Optional<LocalDate> firstDayAbove(LocalDate from, double mg) {
        if (from.isAfter(lastDay)) {
            return Optional.empty();
        }
        TreeSet<LocalDate> candidates = new TreeSet<>();
        candidates.add(from);
        for (DailyDose entry : entries) {
            LocalDate start = entry.therapy().startDate();
            if (start.isAfter(from) && !start.isAfter(lastDay)) {
                candidates.add(start);
            }
        }
        for (LocalDate day : candidates) {
            if (doseOn(day) > mg + ActivityTest.TOLERANCE) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Days from {@code from} to {@code to} on which the dose was at least {@code mg}. */
    long daysAtOrAbove(LocalDate from, LocalDate to, double mg) {
        LocalDate first = from.isBefore(startDate) ? startDate : from;
        LocalDate last = to.isAfter(lastDay) ? lastDay : to;
        if (first.isAfter(last)) {
            return 0;
        }
        // The dose is constant between the days an entry starts or stops, so count whole segments.
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(first);
        changes.add(last.plusDays(1));
        for (DailyDose entry : entries) {
            addWithin(changes, entry.therapy().startDate(), first, last);
            addWithin(changes, entry.lastDay().plusDays(1), first, last);
        }
        long days = 0;
        LocalDate segmentStart = null;
        for (LocalDate change : changes) {
            if (segmentStart != null && doseOn(segmentStart) >= mg - ActivityTest.TOLERANCE) {
                days += ChronoUnit.DAYS.between(segmentStart, change);
            }
            segmentStart = change;
        }
        return days;
    }

    private static void addWithin(TreeSet<LocalDate> changes, LocalDate day, LocalDate first, LocalDate last) {
        if (day.isAfter(first) && !day.isAfter(last)) {
            changes.add(day);
        }
    }
}
