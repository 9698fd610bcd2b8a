package org.myotrack.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a set of row ids into groups each read with one query, as plain JDBC does for bulk reads: ids close
 * together (a batch of the whole registry, at least two in three ids of their range) become one id range, since H2
 * checks each row of an IN list one element at a time; sparser ids (a site's patients interleaved with another
 * site's, scattered ones) go in IN lists of at most {@value #IN_LIST_SIZE}, since a range over them would read the
 * rows of every id between. A range may hold ids not asked for: callers drop rows they did not ask for.
 */
public final class IdGroups {

    /** Largest IN list sent for scattered ids. */
    public static final int IN_LIST_SIZE = 64;
    /** Most ids in one range. */
    public static final int RANGE_SIZE = 1_000;

    private IdGroups() {
    }

    /**
     * The ids, distinct and ascending, in groups: runs of up to {@value #RANGE_SIZE} ids dense enough become ranges,
     * the rest IN lists. The bound keeps each query's result small enough to be sorted in memory: one range over the
     * ids of thousands of patients (a site's patients, interleaved with another site's) made H2 sort hundreds of
     * thousands of rows on disk.
     */
    public static List<List<Long>> of(Collection<Long> ids) {
        List<Long> sorted = ids.stream().distinct().sorted(Comparator.naturalOrder()).toList();
        List<List<Long>> groups = new ArrayList<>();
        int from = 0;
        while (from < sorted.size()) {
            List<Long> run = sorted.subList(from, Math.min(sorted.size(), from + RANGE_SIZE));
            if (run.size() > 1 && dense(run)) {
                groups.add(run);
                from += run.size();
            } else {
                int to = Math.min(sorted.size(), from + IN_LIST_SIZE);
                groups.add(sorted.subList(from, to));
                from = to;
            }
        }
        return groups;
    }

    /** The SQL condition on {@code column} selecting the group: equality, a range, or an IN list. */
    public static String condition(String column, List<Long> group) {
        if (group.size() == 1) {
            return column + " = ?";
        }
        if (dense(group)) {
            return column + " BETWEEN ? AND ?";
        }
        return column + " IN (" + "?,".repeat(group.size() - 1) + "?)";
    }

    /** Binds the group's parameters from position {@code first}; returns the next free position. */
    public static int bind(PreparedStatement statement, int first, List<Long> group) throws SQLException {
        if (group.size() == 1) {
            statement.setLong(first, group.get(0));
            return first + 1;
        }
        if (dense(group)) {
            statement.setLong(first, group.get(0));
            statement.setLong(first + 1, group.get(group.size() - 1));
            return first + 2;
        }
        for (int i = 0; i < group.size(); i++) {
            statement.setLong(first + i, group.get(i));
        }
        return first + group.size();
    }

    /** At least two in three of the ids from the first to the last. */
    private static boolean dense(List<Long> sorted) {
        return 2 * (sorted.get(sorted.size() - 1) - sorted.get(0)) < 3L * sorted.size();
    }
}
