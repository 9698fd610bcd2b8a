package org.myotrack.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RegimenBaselineTest {

    private static final LocalDate REGIMEN_START = LocalDate.of(2020, 6, 1);
    private static final CoreSetMeasures ANY = new CoreSetMeasures(5.0, 5.0, 100, 150, null, 1.0, 3.0, List.of());

    static TherapyPeriod therapy(long id, Drug drug, String start, String end) {
        return new TherapyPeriod(id, drug, drug == Drug.OTHER ? "Folic acid" : null, 10.0, DoseUnit.MG, Frequency.DAILY,
                Route.ORAL, LocalDate.parse(start), end == null ? null : LocalDate.parse(end), null);
    }

    @ParameterizedTest(name = "visit {0} days from regimen start: baseline {1}")
    @CsvSource({"-31, false", "-30, true", "0, true", "14, true", "15, false"})
    void shouldTakeVisitsFrom30DaysBeforeTo14DaysAfter(int offsetDays, boolean inWindow) {
        ScoredVisit visit = new ScoredVisit(1, REGIMEN_START.plusDays(offsetDays), ANY);
        assertThat(RegimenBaseline.visitFor(List.of(visit), REGIMEN_START, 30, 14).isPresent()).isEqualTo(inWindow);
    }

    @Test
    void shouldTakeLatestVisitInWindow() {
        List<ScoredVisit> visits = List.of(new ScoredVisit(1, REGIMEN_START.minusDays(20), ANY),
                new ScoredVisit(2, REGIMEN_START.plusDays(10), ANY), new ScoredVisit(3, REGIMEN_START.plusDays(40), ANY));
        assertThat(RegimenBaseline.visitFor(visits, REGIMEN_START, 30, 14)).map(ScoredVisit::id).contains(2L);
    }

    @Test
    void shouldStartRegimenAtLatestNonGlucocorticoidAgentIgnoringSteroidsAndFreeTextDrugs() {
        List<TherapyPeriod> therapies = List.of(
                therapy(1, Drug.PREDNISONE, "2020-01-01", null),
                therapy(2, Drug.METHOTREXATE, "2020-01-15", "2020-05-31"),
                therapy(3, Drug.MYCOPHENOLATE, "2020-06-01", null),
                therapy(4, Drug.OTHER, "2020-08-01", null),
                therapy(5, Drug.PREDNISOLONE, "2020-09-01", null));
        assertThat(RegimenBaseline.currentRegimenStart(therapies, LocalDate.of(2020, 12, 1))).contains(REGIMEN_START);
    }

    @Test
    void shouldIgnoreAgentStartedAfterEvaluationDate() {
        List<TherapyPeriod> therapies = List.of(therapy(1, Drug.METHOTREXATE, "2020-01-15", null),
                therapy(2, Drug.RITUXIMAB, "2021-01-01", "2021-01-01"));
        assertThat(RegimenBaseline.currentRegimenStart(therapies, LocalDate.of(2020, 12, 1)))
                .contains(LocalDate.of(2020, 1, 15));
    }

    @Test
    void shouldHaveNoRegimenOnSteroidsAlone() {
        assertThat(RegimenBaseline.currentRegimenStart(List.of(therapy(1, Drug.PREDNISONE, "2020-01-01", null)),
                LocalDate.of(2020, 12, 1))).isEqualTo(Optional.empty());
    }
}
