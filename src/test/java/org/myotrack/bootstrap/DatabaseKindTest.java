package org.myotrack.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseKindTest {

    @ParameterizedTest
    @CsvSource({"h2, H2", "postgresql, PostgreSQL"})
    void shouldStartOnTheDatabaseKindItWasBuiltFor(String builtKind, String product) {
        assertThatCode(() -> DatabaseKind.requireBuiltKind(builtKind, product)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAPostgreSqlServerUnderTheH2BuildNamingTheBuildCommand() {
        assertThatThrownBy(() -> DatabaseKind.requireBuiltKind("h2", "PostgreSQL"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this build is for H2").hasMessageContaining("mvn -B package -Ppostgresql");
    }

    @Test
    void shouldRefuseAnH2DatabaseUnderThePostgreSqlBuild() {
        assertThatThrownBy(() -> DatabaseKind.requireBuiltKind("postgresql", "H2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this build is for PostgreSQL").hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void shouldRefuseAnUnsupportedDatabaseKind() {
        assertThatThrownBy(() -> DatabaseKind.requireBuiltKind("mysql", "MySQL"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("db-kind=mysql");
    }
}
