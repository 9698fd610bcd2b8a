package org.myotrack.cohort;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.chart.AntibodyGroupShare;
import org.myotrack.patient.Antibody;
import org.myotrack.support.Api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The data behind the cohort charts, checked against the cohort list and filters coordinators see beside them. */
@QuarkusTest
class CohortChartServiceTest {

    private static final String MSA_NEGATIVE = "MSA negative";
    private static final String SEVERAL = "Several MSA";

    @Inject
    CohortChartService charts;

    private static Map<String, Object> result(String antibody, String result, String testDate) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("antibody", antibody);
        entry.put("result", result);
        entry.put("testDate", testDate);
        return entry;
    }

    /** A patient of DEMO-A with these results and no visits (so never refractory); returns its registry code. */
    private static String patientWith(List<Map<String, Object>> serology) {
        Map<String, Object> body = Api.patientBody();
        body.put("autoantibodies", serology);
        long id = Api.clinician().body(body).post("/api/patients").then().statusCode(201).extract().jsonPath().getLong("id");
        return Api.clinician().get("/api/patients/" + id).then().statusCode(200).extract().jsonPath().getString("registryCode");
    }

    private static Map<String, AntibodyGroupShare> byGroup(List<AntibodyGroupShare> shares) {
        Map<String, AntibodyGroupShare> groups = new TreeMap<>();
        shares.forEach(share -> groups.put(share.group(), share));
        return groups;
    }

    private static int total(Map<String, AntibodyGroupShare> groups, String group) {
        AntibodyGroupShare share = groups.get(group);
        return share == null ? 0 : share.total();
    }

    private static int refractory(Map<String, AntibodyGroupShare> groups) {
        return groups.values().stream().mapToInt(AntibodyGroupShare::refractory).sum();
    }

    /** Every row of {@code /api/cohort} with these query parameters, all pages. */
    private static List<JsonPath> cohortRows(String... parameters) {
        List<JsonPath> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var request = Api.coordinator().queryParam("page", page).queryParam("size", 500);
            for (int i = 0; i < parameters.length; i += 2) {
                request = request.queryParam(parameters[i], parameters[i + 1]);
            }
            JsonPath answer = request.get("/api/cohort").then().statusCode(200).extract().jsonPath();
            int items = answer.getList("items").size();
            for (int i = 0; i < items; i++) {
                rows.add(JsonPath.from(answer.prettify()).setRootPath("items[" + i + "]"));
            }
            if (items < 500) {
                return rows;
            }
        }
    }

    private static List<String> codes(List<JsonPath> rows) {
        return rows.stream().map(row -> row.getString("registryCode")).toList();
    }

    @Test
    void shouldGroupPatientsByTheLatestResultOfEachAntibodyAsTheCohortFilterDoes() {
        Map<String, AntibodyGroupShare> before = byGroup(charts.refractoryByAntibody(CohortCriteria.all()));

        String retestedNegative = patientWith(List.of(result("JO1", "POSITIVE", "2019-01-20"),
                result("JO1", "NEGATIVE", "2021-03-02")));
        String undatedPositiveThenNegative = patientWith(List.of(result("MDA5", "POSITIVE", null),
                result("MDA5", "NEGATIVE", "2020-01-10")));
        String undatedPositive = patientWith(List.of(result("MDA5", "POSITIVE", null)));
        String twoSpecific = patientWith(List.of(result("JO1", "POSITIVE", "2020-02-01"),
                result("MDA5", "POSITIVE", "2020-02-01"), result("RO52", "POSITIVE", "2020-02-01")));
        String associatedOnly = patientWith(List.of(result("RO52", "POSITIVE", "2020-02-01")));

        Map<String, AntibodyGroupShare> after = byGroup(charts.refractoryByAntibody(CohortCriteria.all()));
        assertThat(total(after, MSA_NEGATIVE) - total(before, MSA_NEGATIVE))
                .as("a negative retest, an undated positive retested negative, an associated antibody only").isEqualTo(3);
        assertThat(total(after, "MDA5") - total(before, "MDA5")).as("an undated positive, never retested").isEqualTo(1);
        assertThat(total(after, SEVERAL) - total(before, SEVERAL)).isEqualTo(1);
        assertThat(total(after, "JO1") - total(before, "JO1")).isZero();
        assertThat(refractory(after)).as("patients without visits are never refractory").isEqualTo(refractory(before));

        List<String> mda5 = codes(cohortRows("antibody", "MDA5"));
        assertThat(mda5).contains(undatedPositive, twoSpecific).doesNotContain(undatedPositiveThenNegative);
        List<String> jo1 = codes(cohortRows("antibody", "JO1"));
        assertThat(jo1).contains(twoSpecific).doesNotContain(retestedNegative);
        assertThat(codes(cohortRows("antibody", "RO52"))).contains(twoSpecific, associatedOnly);
    }

    /** The criteria the cohort API reads from these query parameters. */
    private static CohortCriteria criteria(String... parameters) {
        CohortFilter filter = new CohortFilter();
        for (int i = 0; i < parameters.length; i += 2) {
            String value = parameters[i + 1];
            switch (parameters[i]) {
                case "diagnosis" -> filter.diagnosis = value;
                case "antibody" -> filter.antibody = value;
                case "site" -> filter.site = value;
                case "refractory" -> filter.refractory = value;
                case "flag" -> filter.flag = value;
                case "drug" -> filter.drug = value;
                case "from" -> filter.from = value;
                case "to" -> filter.to = value;
                default -> throw new IllegalArgumentException(parameters[i]);
            }
        }
        return filter.criteria();
    }

    @Test
    void shouldCountEachPatientOfTheCohortListOnceInItsGroup() {
        // Every kind of filter: some name the same tables as the chart's own query (serology, stored flag state).
        for (String[] filter : List.of(new String[0], new String[] {"site", "DEMO-A"}, new String[] {"diagnosis", "PM"},
                new String[] {"antibody", "MDA5"}, new String[] {"refractory", "true"}, new String[] {"refractory", "false"},
                new String[] {"flag", "INADEQUATE_RESPONSE"}, new String[] {"drug", "PREDNISONE"},
                new String[] {"from", "2019-01-01", "to", "2020-12-31"})) {
            Api.createVisit(Api.createPatient(), "2020-01-10");
            Map<String, int[]> expected = new TreeMap<>();
            for (JsonPath row : cohortRows(filter)) {
                List<String> msa = row.getList("autoantibodies", String.class).stream()
                        .filter(name -> Antibody.valueOf(name).isMyositisSpecific()).toList();
                String group = msa.isEmpty() ? MSA_NEGATIVE : msa.size() > 1 ? SEVERAL : msa.get(0);
                int[] tally = expected.computeIfAbsent(group, g -> new int[2]);
                tally[1]++;
                if (row.getBoolean("refractory")) {
                    tally[0]++;
                }
            }
            CohortCriteria criteria = criteria(filter);
            Map<String, int[]> charted = new TreeMap<>();
            charts.refractoryByAntibody(criteria).forEach(share ->
                    charted.put(share.group(), new int[] {share.refractory(), share.total()}));
            assertThat(charted).as("filter %s", List.of(filter)).isNotEmpty();
            assertThat(charted.keySet()).as("filter %s", List.of(filter)).isEqualTo(expected.keySet());
            charted.forEach((group, tally) -> assertThat(tally).as("group %s, filter %s", group, List.of(filter))
                    .containsExactly(expected.get(group)));
        }
    }
}
