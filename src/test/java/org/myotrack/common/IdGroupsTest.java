package org.myotrack.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class IdGroupsTest {

    @Test
    void shouldReadIdsCloseTogetherAsOneRange() {
        // Two in three ids of the range asked for: one query over the range reads few rows not asked for.
        List<Long> ids = LongStream.rangeClosed(1, 500).filter(id -> id % 3 != 0).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).hasSize(1);
        assertThat(IdGroups.condition("id", groups.get(0))).isEqualTo("id BETWEEN ? AND ?");
    }

    @Test
    void shouldBoundARangeToRangeSizeIdsWhateverHowManyAreDense() {
        // A batch of 6,500 consecutive patients: one range would make H2 sort all their rows, on disk.
        List<Long> ids = LongStream.rangeClosed(1, 6_500).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).hasSize(7);
        assertThat(groups).allSatisfy(group -> {
            assertThat(group).hasSizeLessThanOrEqualTo(IdGroups.RANGE_SIZE);
            assertThat(IdGroups.condition("id", group)).isEqualTo("id BETWEEN ? AND ?");
        });
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void shouldReadEveryOtherIdInInListsNotInARangeReadingTwiceTheRows() {
        // A site's patients interleaved with another site's: a range would read the other site's rows too.
        List<Long> ids = LongStream.rangeClosed(0, 199).map(id -> 2 * id + 1).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).extracting(List::size).containsExactly(64, 64, 64, 8);
        assertThat(groups).allSatisfy(group -> assertThat(IdGroups.condition("id", group)).startsWith("id IN ("));
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void shouldPutScatteredIdsInInListsOfAtMostInListSize() {
        List<Long> ids = LongStream.rangeClosed(1, 200).map(id -> id * 1_000).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).extracting(List::size).containsExactly(64, 64, 64, 8);
        assertThat(IdGroups.condition("id", groups.get(0))).isEqualTo("id IN (" + "?,".repeat(63) + "?)");
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void shouldKeepEveryIdOnceInAscendingOrderWhenRunsAndScatteredIdsMix() {
        List<Long> ids = new ArrayList<>();
        LongStream.rangeClosed(5_000, 7_500).forEach(ids::add);
        LongStream.rangeClosed(1, 100).map(id -> id * 37).forEach(ids::add);
        ids.add(6_000L);
        ids.add(90_000L);

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups.stream().flatMap(List::stream).toList())
                .isEqualTo(ids.stream().distinct().sorted().toList());
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(IdGroups.RANGE_SIZE));
        assertThat(IdGroups.of(List.of())).isEmpty();
        assertThat(IdGroups.condition("id", IdGroups.of(List.of(9L)).get(0))).isEqualTo("id = ?");
    }
}
