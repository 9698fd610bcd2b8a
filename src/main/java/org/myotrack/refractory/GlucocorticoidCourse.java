package org.myotrack.refractory;

import org.myotrack.scoring.PrednisoneEquivalent;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.DrugClass;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.TherapyCourse;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A continuous glucocorticoid course (clinical.md §6): every daily-dose glucocorticoid entry, whatever the drug,
 * joined across gaps of at most the course gap. A dose per kilogram is converted with the body weight of the day
 * (R6); on a day without a weight within the window it is not evaluable and counts for nothing. Pulses (clinical.md
 * §3) are not part of the daily course, nor are doses that cannot be converted at all (per m², in units, once).
 * An intravenous dose per kilogram is a pulse when, with the weight of its first day, it reaches the pulse dose; with
 * no weight then it stays on the course, not evaluable until a weight is recorded (R6: no guess).
 */
record GlucocorticoidCourse(LocalDate startDate, LocalDate lastDay, List<DailyDose> entries, BodyWeights weights) {

    /** One daily-dose entry and the last day it was taken; {@code fixedMg} is null for a dose per kilogram. */
    record DailyDose(TherapyPeriod therapy, Double fixedMg, LocalDate lastDay) {

        boolean takenOn(LocalDate day) {
            return !day.isBefore(therapy.startDate()) && !day.isAfter(lastDay);
        }

        boolean perKg() {
            return fixedMg == null;
        }
    }

    /** The courses in start order, ongoing entries taken until {@code evaluationDate}. */
    static List<GlucocorticoidCourse> join(List<TherapyPeriod> therapies, LocalDate evaluationDate, int courseGapDays,
                                           BodyWeights weights) {
        List<TherapyPeriod> daily = new ArrayList<>();
        for (TherapyPeriod therapy : therapies) {
            if (therapy.drug().drugClass() == DrugClass.GLUCOCORTICOID
                    && (therapy.prednisoneEquivalentMgPerDay().isPresent() || dailyPerKg(therapy, weights))) {
                daily.add(therapy);
            }
        }
        List<GlucocorticoidCourse> courses = new ArrayList<>();
        for (TherapyCourse course : TherapyCourse.join(daily, t -> DrugClass.GLUCOCORTICOID.name(), evaluationDate, courseGapDays)) {
            List<DailyDose> entries = new ArrayList<>(course.entries().size());
            for (TherapyPeriod entry : course.entries()) {
                OptionalDouble fixed = entry.prednisoneEquivalentMgPerDay();
                entries.add(new DailyDose(entry, fixed.isPresent() ? fixed.getAsDouble() : null,
                        entry.lastDayTaken(evaluationDate)));
            }
            courses.add(new GlucocorticoidCourse(course.startDate(), course.lastDay(), List.copyOf(entries), weights));
        }
        return courses;
    }

    /** A glucocorticoid dose per kilogram on a daily schedule that is not a pulse (see the class notes). */
    private static boolean dailyPerKg(TherapyPeriod therapy, BodyWeights weights) {
        if (therapy.doseUnit() != DoseUnit.MG_PER_KG && therapy.doseUnit() != DoseUnit.G_PER_KG) {
            return false;
        }
        Double weightAtStart = weights.on(therapy.startDate());
        // A nominal weight only tells whether the schedule is a daily one; the pulse test uses the real weight.
        if (weightAtStart == null) {
            return PrednisoneEquivalent.dailyDoseMg(therapy.drug(), therapy.dose(), therapy.doseUnit(),
                    therapy.frequency(), Route.ORAL, 1.0).isPresent();
        }
        double weight = weightAtStart;
        return mgPerDay(therapy, weight).isPresent();
    }

    private static OptionalDouble mgPerDay(TherapyPeriod therapy, double weightKg) {
        return PrednisoneEquivalent.dailyDoseMg(therapy.drug(), therapy.dose(), therapy.doseUnit(), therapy.frequency(),
                therapy.route(), weightKg);
    }

    /** Prednisone-equivalent daily dose of one entry on a day it is taken; empty when it is per kg and no weight is known. */
    OptionalDouble doseOf(DailyDose entry, LocalDate day) {
        if (!entry.perKg()) {
            return OptionalDouble.of(entry.fixedMg());
        }
        Double weight = weights.on(day);
        if (weight == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble dose = mgPerDay(entry.therapy(), weight);
        return dose.isPresent() ? dose : OptionalDouble.of(0);
    }

    /** Prednisone-equivalent daily dose on {@code day}: the sum over the entries taken that day whose dose is known. */
    double doseOn(LocalDate day) {
        double dose = 0;
        for (DailyDose entry : entries) {
            if (entry.takenOn(day)) {
                dose += doseOf(entry, day).orElse(0);
            }
        }
        return dose;
    }

    List<DailyDose> entriesOn(LocalDate day) {
        return entries.stream().filter(e -> e.takenOn(day)).toList();
    }

    /** The entries taken on {@code day} whose dose per kilogram cannot be converted for want of a weight. */
    List<DailyDose> unevaluableOn(LocalDate day) {
        return entries.stream().filter(e -> e.takenOn(day) && doseOf(e, day).isEmpty()).toList();
    }

    /**
     * The days from {@code from} to the course's last day on which the dose or a weight-based threshold can change:
     * {@code from}, the starts of entries, and the days a weight comes into or goes out of reach.
     */
    TreeSet<LocalDate> changeDays(LocalDate from) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (from.isAfter(lastDay)) {
            return days;
        }
        days.add(from);
        for (DailyDose entry : entries) {
            LocalDate start = entry.therapy().startDate();
            if (start.isAfter(from) && !start.isAfter(lastDay)) {
                days.add(start);
            }
        }
        weights.addChangeDays(days, from, lastDay);
        return days;
    }

    /** The first day from {@code from} with a dose above {@code mg}. */
    Optional<LocalDate> firstDayAbove(LocalDate from, double mg) {
        for (LocalDate day : changeDays(from)) {
            if (doseOn(day) > mg + ActivityTest.TOLERANCE) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Days from {@code from} to {@code to} on which the known dose was at least {@code mg}. */
    long daysAtOrAbove(LocalDate from, LocalDate to, double mg) {
        LocalDate first = from.isBefore(startDate) ? startDate : from;
        LocalDate last = to.isAfter(lastDay) ? lastDay : to;
        if (first.isAfter(last)) {
            return 0;
        }
        // The dose is constant between the days an entry starts or stops or a weight comes into or out of reach.
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(first);
        changes.add(last.plusDays(1));
        for (DailyDose entry : entries) {
            addWithin(changes, entry.therapy().startDate(), first, last);
            addWithin(changes, entry.lastDay().plusDays(1), first, last);
        }
        weights.addChangeDays(changes, first.plusDays(1), last);
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
