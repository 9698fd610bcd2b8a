package org.myotrack.patient;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LatestSerologyTest {

    private record Result(Antibody antibody, AntibodyResult result, LocalDate testDate) {
    }

    private static LatestSerology of(List<Result> results) {
        LatestSerology serology = new LatestSerology();
        for (Result result : results) {
            serology.add(result.antibody(), result.result(), result.testDate());
        }
        return serology;
    }

    /** The same results in every order give the same serology: the database returns rows in no promised order. */
    private static LatestSerology inEveryOrder(Result... results) {
        List<Result> list = new ArrayList<>(List.of(results));
        LatestSerology first = of(list);
        for (int turn = 0; turn < list.size(); turn++) {
            Collections.rotate(list, 1);
            assertThat(of(list).results()).as("order %s", list).isEqualTo(first.results());
            List<Result> reversed = new ArrayList<>(list);
            Collections.reverse(reversed);
            assertThat(of(reversed).results()).as("order %s", reversed).isEqualTo(first.results());
        }
        return first;
    }

    @Test
    void shouldLetANegativeRetestOverrideAnOldPositive() {
        LatestSerology serology = inEveryOrder(
                new Result(Antibody.JO1, AntibodyResult.POSITIVE, LocalDate.parse("2019-01-20")),
                new Result(Antibody.JO1, AntibodyResult.NEGATIVE, LocalDate.parse("2021-03-02")));
        assertThat(serology.results()).isEqualTo(Map.of(Antibody.JO1, AntibodyResult.NEGATIVE));
        assertThat(serology.positive()).isEmpty();
    }

    @Test
    void shouldLetAPositiveRetestOverrideAnOldNegative() {
        LatestSerology serology = inEveryOrder(
                new Result(Antibody.MDA5, AntibodyResult.NEGATIVE, LocalDate.parse("2019-01-20")),
                new Result(Antibody.MDA5, AntibodyResult.POSITIVE, LocalDate.parse("2019-01-21")));
        assertThat(serology.positive()).containsExactly(Antibody.MDA5);
    }

    @Test
    void shouldCountAnUndatedResultAsOlderThanAnyDatedOne() {
        LatestSerology serology = inEveryOrder(
                new Result(Antibody.MDA5, AntibodyResult.POSITIVE, null),
                new Result(Antibody.MDA5, AntibodyResult.NEGATIVE, LocalDate.parse("1990-01-01")),
                new Result(Antibody.TIF1G, AntibodyResult.NEGATIVE, null),
                new Result(Antibody.TIF1G, AntibodyResult.POSITIVE, LocalDate.parse("1990-01-01")));
        assertThat(serology.results()).isEqualTo(Map.of(Antibody.MDA5, AntibodyResult.NEGATIVE,
                Antibody.TIF1G, AntibodyResult.POSITIVE));
        assertThat(serology.positive()).containsExactly(Antibody.TIF1G);
    }

    @Test
    void shouldKeepAnUndatedResultWhenItIsTheOnlyOne() {
        LatestSerology serology = inEveryOrder(new Result(Antibody.HMGCR, AntibodyResult.POSITIVE, null),
                new Result(Antibody.SRP, AntibodyResult.EQUIVOCAL, null));
        assertThat(serology.results()).isEqualTo(Map.of(Antibody.HMGCR, AntibodyResult.POSITIVE,
                Antibody.SRP, AntibodyResult.EQUIVOCAL));
        assertThat(serology.positive()).containsExactly(Antibody.HMGCR);
    }

    @Test
    void shouldListPositiveAntibodiesInTheVocabularysOrder() {
        LatestSerology serology = inEveryOrder(
                new Result(Antibody.TIF1G, AntibodyResult.POSITIVE, LocalDate.parse("2020-01-01")),
                new Result(Antibody.JO1, AntibodyResult.POSITIVE, LocalDate.parse("2020-01-01")),
                new Result(Antibody.MDA5, AntibodyResult.NEGATIVE, LocalDate.parse("2020-01-01")));
        assertThat(serology.positive()).containsExactly(Antibody.JO1, Antibody.TIF1G);
    }

    @Test
    void shouldHoldNothingForAPatientNeverTested() {
        assertThat(new LatestSerology().results()).isEmpty();
        assertThat(new LatestSerology().positive()).isEmpty();
    }
}
