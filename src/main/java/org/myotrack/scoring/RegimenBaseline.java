package org.myotrack.scoring;

import org.myotrack.therapy.TherapyCourse;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The regimen baseline of clinical.md §6: the latest visit from {@code daysBefore} days before to
 * {@code daysAfter} days after the day a regimen began.
 */
public final class RegimenBaseline {

    /**
     * Longest gap, in days, between two entries of the same drug that still belong to one course (a dose change or
     * a short interruption); the same 30 days clinical.md §6 allows within a glucocorticoid course.
     */
    public static final int COURSE_GAP_DAYS = 30;

    private RegimenBaseline() {
    }

    /**
     * The day the current regimen began, for {@code baseline=regimen}: the latest start of a course of a
     * non-glucocorticoid agent on or before the evaluation date. Empty when the patient never had one.
     */
    public static Optional<LocalDate> currentRegimenStart(List<TherapyPeriod> therapies, LocalDate evaluationDate) {
        List<TherapyPeriod> agents = therapies.stream().filter(TherapyPeriod::isNonGlucocorticoidAgent).toList();
        return TherapyCourse.join(agents, t -> t.drug().name(), evaluationDate, COURSE_GAP_DAYS).stream()
                .map(TherapyCourse::startDate)
                .max(Comparator.naturalOrder());
    }

    /** The latest visit within the window around {@code regimenStart}; empty when no visit falls in it. */
    public static Optional<ScoredVisit> visitFor(List<ScoredVisit> visits, LocalDate regimenStart, int daysBefore, int daysAfter) {
        LocalDate from = regimenStart.minusDays(daysBefore);
        LocalDate to = regimenStart.plusDays(daysAfter);
        return visits.stream()
                .filter(v -> !v.date().isBefore(from) && !v.date().isAfter(to))
                .max(Comparator.comparing(ScoredVisit::date).thenComparing(ScoredVisit::id));
    }
}
