package org.myotrack.demo;

import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects one synthetic patient's therapy entries, cut at the reference date so nothing lies in the future. */
final class TherapyLog {

    private final LocalDate limit;
    private final List<TherapyRequest> entries = new ArrayList<>();

    TherapyLog(LocalDate limit) {
        this.limit = limit;
    }

    /**
     * Adds one entry. An entry starting after the limit is dropped; one ending after it is still ongoing on the
     * limit, so its end and stop reason, which have not happened yet, are dropped.
     */
    void add(Drug drug, double dose, DoseUnit unit, Frequency frequency, Route route, LocalDate start, LocalDate end,
             StopReason reason, String drugName) {
        if (start.isAfter(limit)) {
            return;
        }
        LocalDate kept = end;
        StopReason keptReason = end == null ? null : reason;
        if (end != null && end.isAfter(limit)) {
            kept = null;
            keptReason = null;
        }
        entries.add(new TherapyRequest(drug, dose, unit, frequency, route, start, kept, keptReason, drugName, null));
    }

    void ongoing(Drug drug, double dose, DoseUnit unit, Frequency frequency, Route route, LocalDate start) {
        add(drug, dose, unit, frequency, route, start, null, null, null);
    }

    void stopped(Drug drug, double dose, DoseUnit unit, Frequency frequency, Route route, LocalDate start,
                 LocalDate end, StopReason reason) {
        add(drug, dose, unit, frequency, route, start, end, reason, null);
    }

    /**
     * Adds a daily oral glucocorticoid sequence, each step ending the day before the next begins. A step with a
     * duration of 0 or less is ongoing and must be the last; otherwise the last step ends with {@code finalReason}.
     *
     * @return the day after the last step, or {@code null} when the last step is ongoing
     */
    LocalDate prednisone(LocalDate start, double[] dosesMg, int[] days, StopReason finalReason) {
        return dailyOral(Drug.PREDNISONE, DoseUnit.MG, start, dosesMg, days, finalReason);
    }

    /**
     * The same for prednisolone dosed in mg per kg of body weight, as children are treated (clinical-v2.md R6).
     *
     * @return the day after the last step, or {@code null} when the last step is ongoing
     */
    LocalDate prednisolonePerKg(LocalDate start, double[] dosesMgPerKg, int[] days, StopReason finalReason) {
        return dailyOral(Drug.PREDNISOLONE, DoseUnit.MG_PER_KG, start, dosesMgPerKg, days, finalReason);
    }

    private LocalDate dailyOral(Drug drug, DoseUnit unit, LocalDate start, double[] doses, int[] days,
                                StopReason finalReason) {
        LocalDate cursor = start;
        for (int i = 0; i < doses.length; i++) {
            boolean last = i == doses.length - 1;
            if (days[i] <= 0) {
                ongoing(drug, doses[i], unit, Frequency.DAILY, Route.ORAL, cursor);
                return null;
            }
            LocalDate end = cursor.plusDays(days[i] - 1L);
            stopped(drug, doses[i], unit, Frequency.DAILY, Route.ORAL, cursor, end, last ? finalReason : null);
            cursor = end.plusDays(1);
        }
        return cursor;
    }

    /** IV methylprednisolone pulse: the given grams daily for three days (clinical.md §3). */
    void pulse(LocalDate start, double grams) {
        stopped(Drug.METHYLPREDNISOLONE, grams, DoseUnit.G, Frequency.DAILY, Route.IV, start, start.plusDays(2), null);
    }

    /** One infusion recorded as a one-day period, as rituximab courses are given. */
    void infusion(Drug drug, double dose, DoseUnit unit, LocalDate day) {
        stopped(drug, dose, unit, Frequency.ONCE, Route.IV, day, day, null);
    }

    List<TherapyRequest> sorted() {
        List<TherapyRequest> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TherapyRequest::startDate).thenComparing(TherapyRequest::drug));
        return sorted;
    }
}
