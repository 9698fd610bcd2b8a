package org.myotrack.bootstrap;

import java.util.Map;

/**
 * Checks that the database reached is the kind the registry was built for. The kind is fixed when Quarkus builds the
 * application (its SQL dialect is chosen then), while the connection is set at run time: an H2 build pointed at a
 * PostgreSQL server would otherwise start and fail later on the first statement the two databases write differently.
 */
public final class DatabaseKind {

    /** Quarkus database kinds the registry is built for, with the product name their JDBC driver reports. */
    private static final Map<String, String> PRODUCTS = Map.of("h2", "H2", "postgresql", "PostgreSQL");

    private DatabaseKind() {
    }

    /**
     * @throws IllegalStateException with a message for the operator when the database is not of the built kind
     */
    public static void requireBuiltKind(String builtKind, String databaseProduct) {
        String expected = PRODUCTS.get(builtKind);
        if (expected == null) {
            throw new IllegalStateException("MyoTrack will not start: it supports the database kinds " + PRODUCTS.keySet()
                    + ", not quarkus.datasource.db-kind=" + builtKind + ".");
        }
        if (!expected.equalsIgnoreCase(databaseProduct)) {
            String build = databaseProduct.toLowerCase().contains("postgres")
                    ? "build it with 'mvn -B package -Ppostgresql'"
                    : "build it without -Ppostgresql, or point QUARKUS_DATASOURCE_JDBC_URL at a PostgreSQL server";
            throw new IllegalStateException("MyoTrack will not start: this build is for " + expected
                    + " (quarkus.datasource.db-kind=" + builtKind + ") but the database at quarkus.datasource.jdbc.url is "
                    + databaseProduct + "; " + build + ".");
        }
    }
}
