package org.myotrack.therapy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TherapyCourseTest {

    private static final LocalDate EVALUATION = LocalDate.of(2020, 12, 31);

    static TherapyPeriod entry(long id, Drug drug, String start, String end) {
        return new TherapyPeriod(id, drug, null, 10.0, DoseUnit.MG, Frequency.DAILY, Route.ORAL, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), null);
    }

    @Test
    void shouldJoinEntriesWithGapOfAtMost30Days() {
        var courses = TherapyCourse.join(List.of(entry(1, Drug.PREDNISONE, "2020-01-01", "2020-01-31"),
                entry(2, Drug.PREDNISONE, "2020-03-01", "2020-03-31")), t -> t.drug().name(), EVALUATION, 30);
        assertThat(courses).hasSize(1);
        assertThat(courses.get(0).startDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(courses.get(0).lastDay()).isEqualTo(LocalDate.of(2020, 3, 31));
    }

    @Test
    void shouldSplitEntriesWithGapOf31Days() {
        var courses = TherapyCourse.join(List.of(entry(1, Drug.PREDNISONE, "2020-01-01", "2020-01-31"),
                entry(2, Drug.PREDNISONE, "2020-03-02", "2020-03-31")), t -> t.drug().name(), EVALUATION, 30);
        assertThat(courses).extracting(TherapyCourse::startDate)
                .containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 2));
    }

    @Test
    void shouldTakeOngoingTherapyUntilEvaluationDateAndIgnoreLaterStarts() {
        var courses = TherapyCourse.join(List.of(entry(1, Drug.METHOTREXATE, "2020-01-01", null),
                entry(2, Drug.AZATHIOPRINE, "2021-02-01", null)), t -> t.drug().name(), EVALUATION, 30);
        assertThat(courses).hasSize(1);
        assertThat(courses.get(0).lastDay()).isEqualTo(EVALUATION);
    }

    @Test
    void shouldKeepDifferentDrugsApart() {
        var courses = TherapyCourse.join(List.of(entry(1, Drug.METHOTREXATE, "2020-01-01", "2020-05-01"),
                entry(2, Drug.MYCOPHENOLATE, "2020-05-02", null)), t -> t.drug().name(), EVALUATION, 30);
        assertThat(courses).extracting(TherapyCourse::key).containsExactly("METHOTREXATE", "MYCOPHENOLATE");
    }
}
