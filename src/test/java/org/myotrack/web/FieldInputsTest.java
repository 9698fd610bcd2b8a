package org.myotrack.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.visit.EnzymeTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which input a refused field of the API's requests is shown beside. */
class FieldInputsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "mmt8, mmt8",
            "visitDate, visitDate",
            "enzymes[0].value, ck",
            "enzymes[1].uln, altUln",
            "enzymes[1].unit, altUnit",
            "enzymes[1].test, alt",
            "enzymes[2].uln, NONE",
            "measures, NONE",
            "version, NONE"})
    void shouldPutVisitRefusalBesideItsInput(String field, String input) {
        // The form sent CK and ALT only, so the request's second enzyme is ALT.
        assertThat(VisitPages.inputOfVisitField(field, List.of(EnzymeTest.CK, EnzymeTest.ALT))).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "externalId, externalId",
            "autoantibodies[0].testDate, testDate2",
            "autoantibodies[1].result, result3",
            "autoantibodies[1], antibody3",
            "siteCode, NONE"})
    void shouldPutPatientRefusalBesideItsSerologyRow(String field, String input) {
        // Rows 2 and 3 of the form were filled; the request lists them as its first and second result.
        assertThat(ClinicPages.inputOfPatientField(field, List.of(2, 3))).isEqualTo(input);
    }
}
