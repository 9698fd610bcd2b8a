package org.myotrack.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class IdGroupsTest {

    @Test
    void shouldReadIdsCloseTogetherAsOneRange() {
        List<Long> ids = LongStream.rangeClosed(1, 500).map(id -> id * 2).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).hasSize(1);
        assertThat(IdGroups.condition("id", groups.get(0))).isEqualTo("id BETWEEN ? AND ?");
    }

    @Test
    void shouldBoundARangeToRangeSizeIdsWhateverHowManyAreDense() {
        // A site's 6,500 patients interleaved with another site's: dense, yet one range would sort 13,000 patients' rows.
        List<Long> ids = LongStream.rangeClosed(0, 6_499).map(id -> 2 * id + 1).boxed().toList();

        List<List<Long>> groups = IdGroups.of(ids);

        assertThat(groups).hasSize(7);
        assertThat(groups).allSatisfy(group -> {
            assertThat(group).hasSizeLessThanOrEqualTo(IdGroups.RANGE_SIZE);
            assertThat(IdGroups.condition("id", group)).isEqualTo("id BETWEEN ? AND ?");
        });
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
