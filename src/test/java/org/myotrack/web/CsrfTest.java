package org.myotrack.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTest {

    @Test
    void shouldIssueDistinctWellFormedTokens() {
        String first = Csrf.newToken();
        String second = Csrf.newToken();
        assertThat(first).isNotEqualTo(second);
        assertThat(Csrf.wellFormed(first)).isTrue();
        assertThat(Csrf.wellFormed(second)).isTrue();
    }

    @Test
    void shouldMatchOnlyTheCookiesOwnToken() {
        String token = Csrf.newToken();
        assertThat(Csrf.matches(token, token)).isTrue();
        assertThat(Csrf.matches(token, Csrf.newToken())).isFalse();
        assertThat(Csrf.matches(token, null)).isFalse();
        assertThat(Csrf.matches(null, token)).isFalse();
    }

    @Test
    void shouldRefuseCookieValuesTheRegistryDidNotIssue() {
        assertThat(Csrf.wellFormed("")).isFalse();
        assertThat(Csrf.wellFormed("short")).isFalse();
        assertThat(Csrf.wellFormed("!".repeat(43))).isFalse();
        assertThat(Csrf.matches("short", "short")).isFalse();
    }
}
