package org.myotrack.refractory;

import org.myotrack.scoring.ScoredVisit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The body weights a patient's visits recorded, for doses per kilogram (R6, clinical-v2.md): the weight on a day is
 * that of the latest visit on or before it within the window, else that of the earliest visit after it within the
 * window; else there is none, and a dose per kilogram on that day is not evaluable (no guess).
 */
final class BodyWeights {

    private record Weight(LocalDate date, double kg) {
    }

    private final List<Weight> weights;
    private final int windowDays;

    BodyWeights(List<ScoredVisit> visits, int windowDays) {
        this.windowDays = windowDays;
        List<Weight> recorded = new ArrayList<>();
        for (ScoredVisit visit : visits) {
            if (visit.signs().bodyWeightKg() != null) {
                recorded.add(new Weight(visit.date(), visit.signs().bodyWeightKg()));
            }
        }
        this.weights = List.copyOf(recorded);
    }

    boolean isEmpty() {
        return weights.isEmpty();
    }

    int windowDays() {
        return windowDays;
    }

    /** The weight in kg on {@code day}; null when no visit within the window recorded one. */
    Double on(LocalDate day) {
        Weight weight = find(day);
        return weight == null ? null : weight.kg();
    }

    /** The date of the visit whose weight {@link #on} gives; null when none. */
    LocalDate recordedOnFor(LocalDate day) {
        Weight weight = find(day);
        return weight == null ? null : weight.date();
    }

    private Weight find(LocalDate day) {
        Weight before = null;
        Weight after = null;
        for (Weight weight : weights) {
            if (!weight.date().isAfter(day)) {
                before = weight;
            } else if (after == null) {
                after = weight;
            }
        }
        if (before != null && ChronoUnit.DAYS.between(before.date(), day) <= windowDays) {
            return before;
        }
        if (after != null && ChronoUnit.DAYS.between(day, after.date()) <= windowDays) {
            return after;
        }
        return null;
    }

    /** The days from {@code from} to {@code to} on which the weight {@link #on} gives may change. */
    void addChangeDays(TreeSet<LocalDate> days, LocalDate from, LocalDate to) {
        for (Weight weight : weights) {
            for (LocalDate day : List.of(weight.date().minusDays(windowDays), weight.date(),
                    weight.date().plusDays(windowDays + 1L))) {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    days.add(day);
                }
            }
        }
    }
}
