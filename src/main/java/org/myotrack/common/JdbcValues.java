package org.myotrack.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;

/** Binds the nullable values of the registry's columns to a statement, the same way on H2 and PostgreSQL. */
public final class JdbcValues {

    private JdbcValues() {
    }

    public static void setDecimal(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DECIMAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** A nullable boolean: null is "not recorded", not false. */
    public static void setBoolean(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }

    public static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    /** A timestamp for a {@code TIMESTAMP WITH TIME ZONE} column, in UTC. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** An enum by name, as the entities map them ({@code EnumType.STRING}). */
    public static void setName(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        statement.setString(index, value == null ? null : value.name());
    }

    /**
     * Binds the ids as one array, for {@code column = ANY(?)}: a single parameter however many ids, which H2 looks up
     * in the index one by one, where a long {@code IN (?, ?, …)} list is compared element by element with every row.
     */
    public static void setIds(PreparedStatement statement, int index, Collection<Long> ids) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("BIGINT", ids.toArray()));
    }

    /** Binds the texts as one array, for {@code column = ANY(?)}. */
    public static void setTexts(PreparedStatement statement, int index, Collection<String> texts) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("VARCHAR", texts.toArray()));
    }
}
