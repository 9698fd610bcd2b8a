package org.myotrack.scoring;

import org.junit.jupiter.api.Test;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryTest {

    private static final CoreSetMeasures BASELINE = new CoreSetMeasures(6.0, 7.0, 120, 150, null, 1.5, 4.0,
            List.of(new EnzymeLevel(EnzymeTest.CK, 2400, 200)));
    private static final CoreSetMeasures FOLLOW_UP = new CoreSetMeasures(3.0, 5.0, 132, 150, null, 1.125, 2.0,
            List.of(new EnzymeLevel(EnzymeTest.CK, 600, 200)));
    private static final CoreSetMeasures WORSE = new CoreSetMeasures(6.0, 7.0, 100, 150, null, 1.5, 4.5,
            List.of(new EnzymeLevel(EnzymeTest.CK, 2400, 200)));

    private static ScoredVisit visit(long id, String date, CoreSetMeasures measures) {
        return new ScoredVisit(id, LocalDate.parse(date), measures);
    }

    @Test
    void shouldListBaselineWithoutScoreAndScoreLaterVisitsAgainstIt() {
        List<ScoredVisit> visits = List.of(visit(1, "2019-01-01", WORSE), visit(2, "2019-05-02", BASELINE),
                visit(3, "2019-08-01", FOLLOW_UP));
        List<TrajectoryPoint> points = Trajectory.score(visits, 1, ResponseCriteria.ADULT, WorseningTest.RISE);
        assertThat(points).extracting(p -> p.visit().id()).containsExactly(2L, 3L);
        assertThat(points.get(0).improvement()).isNull();
        assertThat(points.get(0).doiMet()).isNull();
        assertThat(points.get(1).improvement().tis()).isEqualTo(57.5);
        assertThat(points.get(1).improvement().response()).isEqualTo(ResponseCategory.MODERATE);
        assertThat(points.get(1).doiMet()).isTrue();
    }

    @Test
    void shouldJudgeWorseningAgainstPreviousVisitNotBaseline() {
        CoreSetMeasures muchWorse = new CoreSetMeasures(5.0, 5.0, 100, 150, null, 1.125, 2.0,
                List.of(new EnzymeLevel(EnzymeTest.CK, 600, 200)));
        List<ScoredVisit> visits = List.of(visit(1, "2019-05-02", BASELINE), visit(2, "2019-08-01", FOLLOW_UP),
                visit(3, "2019-11-01", muchWorse));
        List<TrajectoryPoint> points = Trajectory.score(visits, 0, ResponseCriteria.ADULT, WorseningTest.RISE);
        assertThat(points.get(0).worsening()).isNull();
        assertThat(points.get(1).worsening().met()).isFalse();
        // Against the previous visit: PGA 3 → 5 (+2 cm) with MMT-8 132 → 100 (−24 %); against the baseline it improved.
        assertThat(points.get(2).worsening().routes()).containsExactly(WorseningRoute.GLOBAL_AND_STRENGTH);
        assertThat(points.get(2).worseningFromBaseline().met()).isFalse();
        assertThat(points.get(0).worseningFromBaseline()).isNull();
    }

    /** R2a: a slow decline is worse than the baseline although no visit is much worse than the one before it. */
    @Test
    void shouldJudgeEachVisitAgainstTheBaselineToo() {
        CoreSetMeasures slightlyWorse = new CoreSetMeasures(6.0, 7.0, 120, 150, null, 1.5, 5.5,
                List.of(new EnzymeLevel(EnzymeTest.CK, 2400, 200)));
        CoreSetMeasures worseStill = new CoreSetMeasures(6.0, 7.0, 120, 150, null, 1.5, 6.5,
                List.of(new EnzymeLevel(EnzymeTest.CK, 2400, 200)));
        List<ScoredVisit> visits = List.of(visit(1, "2019-05-02", BASELINE), visit(2, "2019-08-01", slightlyWorse),
                visit(3, "2019-11-01", worseStill));

        List<TrajectoryPoint> points = Trajectory.score(visits, 0, ResponseCriteria.ADULT, WorseningTest.RISE);

        assertThat(points.get(2).worsening().met()).isFalse();
        assertThat(points.get(2).worseningFromBaseline().routes()).containsExactly(WorseningRoute.EXTRAMUSCULAR);
        assertThat(points.get(1).worseningFromBaseline().met()).isFalse();
    }

    /** R5: the score is computed in every subgroup, the category only where the TIS is validated. */
    @Test
    void shouldScoreButNotCategoriseWhereTheTisIsNotValidated() {
        List<ScoredVisit> visits = List.of(visit(1, "2019-05-02", BASELINE), visit(2, "2019-08-01", FOLLOW_UP));

        TrajectoryPoint point = Trajectory.score(visits, 0, ResponseCriteria.NOT_VALIDATED, WorseningTest.RISE).get(1);

        assertThat(point.improvement().tis()).isEqualTo(57.5);
        assertThat(point.improvement().response()).isEqualTo(ResponseCategory.NOT_VALIDATED);
    }

    @Test
    void shouldRefuseBaselineOutsideVisits() {
        assertThatThrownBy(() -> Trajectory.score(List.of(visit(1, "2019-05-02", BASELINE)), 1, ResponseCriteria.ADULT, WorseningTest.RISE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
