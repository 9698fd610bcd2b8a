package org.myotrack.schema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema, as the database reports it (on H2 and on PostgreSQL alike): no table carries two indexes of the
 * same columns, which every insert would write twice, and every referencing column of the registry's big tables is
 * indexed.
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldHoldNoTwoIndexesOfTheSameColumnsInAnyTable() throws SQLException {
        Map<String, Map<String, List<String>>> indexes = indexes();

        List<String> duplicates = new ArrayList<>();
        indexes.forEach((table, byName) -> {
            Map<List<String>, String> seen = new java.util.HashMap<>();
            byName.forEach((name, columns) -> {
                String earlier = seen.putIfAbsent(columns, name);
                if (earlier != null) {
                    duplicates.add(table + ": " + earlier + " and " + name + " both on " + columns);
                }
            });
        });

        assertThat(indexes).containsKeys("visits", "enzyme_results", "autoantibodies", "diagnosis_history");
        assertThat(duplicates).isEmpty();
    }

    @Test
    void shouldIndexTheReferencingColumnsTheRecordIsReadBy() throws SQLException {
        Map<String, Map<String, List<String>>> indexes = indexes();

        assertThat(leadingColumns(indexes, "enzyme_results")).contains("visit_id");
        assertThat(leadingColumns(indexes, "autoantibodies")).contains("patient_id");
        assertThat(leadingColumns(indexes, "diagnosis_history")).contains("patient_id");
        assertThat(leadingColumns(indexes, "visits")).contains("patient_id");
    }

    private static List<String> leadingColumns(Map<String, Map<String, List<String>>> indexes, String table) {
        return indexes.get(table).values().stream().map(columns -> columns.get(0)).toList();
    }

    /** Table → index name → its columns in order, lower case, for every table of the registry's schema. */
    private Map<String, Map<String, List<String>>> indexes() throws SQLException {
        Map<String, Map<String, List<String>>> indexes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
                try (ResultSet rows = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, true)) {
                    while (rows.next()) {
                        String name = rows.getString("INDEX_NAME");
                        String column = rows.getString("COLUMN_NAME");
                        if (name != null && column != null) {
                            columns.computeIfAbsent(name, key -> new TreeMap<>())
                                    .put((int) rows.getShort("ORDINAL_POSITION"), column.toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
                Map<String, List<String>> byName = new TreeMap<>();
                columns.forEach((name, ordered) -> byName.put(name, List.copyOf(ordered.values())));
                indexes.put(table.toLowerCase(java.util.Locale.ROOT), byName);
            }
        }
        return indexes;
    }
}
