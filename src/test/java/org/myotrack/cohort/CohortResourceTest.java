package org.myotrack.cohort;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myotrack.cohort.export.Pseudonyms;
import org.myotrack.cohort.export.RegistrySecret;
import org.myotrack.support.Api;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CohortResourceTest {

    private static final String FORMULA_DRUG = "=HYPERLINK(\"http://example.org\",\"open\")";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RegistrySecret secret;

    long patientId;
    String registryCode;
    String externalId;
    String pseudonym;
    int shift;

    /** A PM patient of DEMO-A with two visits, prednisone and a free-text drug whose name looks like a formula. */
    @BeforeEach
    void recordPatient() {
        Map<String, Object> body = Api.patientBody();
        externalId = (String) body.get("externalId");
        patientId = Api.clinician().body(body).post("/api/patients").then().statusCode(201).extract().jsonPath().getLong("id");
        registryCode = Api.clinician().get("/api/patients/" + patientId).then().extract().jsonPath().getString("registryCode");
        Api.createVisit(patientId, "2019-02-05");
        Map<String, Object> better = Api.visitBody("2019-06-01");
        better.put("physicianGlobalActivity", 2.0);
        better.put("mmt8", 140);
        better.put("enzymes", List.of(Map.of("test", "CK", "value", 300, "uln", 200, "unit", "U/L")));
        Api.clinician().body(better).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
        Api.clinician().body(Map.of("drug", "PREDNISONE", "dose", 40, "doseUnit", "MG", "frequency", "DAILY",
                "route", "ORAL", "startDate", "2019-02-01")).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
        Api.clinician().body(Map.of("drug", "OTHER", "drugName", FORMULA_DRUG, "dose", 5, "doseUnit", "MG",
                        "frequency", "DAILY", "route", "ORAL", "startDate", "2019-05-01", "endDate", "2019-07-01"))
                .post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
        Pseudonyms pseudonyms = secret.pseudonyms();
        pseudonym = pseudonyms.pseudonym(registryCode);
        shift = pseudonyms.dateShiftDays(registryCode);
    }

    private String shifted(String date) {
        return LocalDate.parse(date).minusDays(shift).toString();
    }

    private static Response export(String format, String... parameters) {
        var request = Api.coordinator();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.queryParam("format", format).get("/api/cohort/export").then().statusCode(200).extract().response();
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static List<String> header(String text) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader().get())) {
            return parser.getHeaderNames();
        }
    }

    private List<CSVRecord> rowsOfPatient(List<CSVRecord> rows) {
        return rows.stream().filter(row -> row.get("pseudonym").equals(pseudonym)).toList();
    }

    @Test
    void shouldExportOneRowPerVisitWithShiftedDatesAndTheRegimenOfThatDay() throws Exception {
        Response response = export("csv");
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Transfer-Encoding")).as("streamed in chunks").isEqualTo("chunked");
        String text = response.asString();
        List<CSVRecord> rows = csv(text);
        assertThat(Long.parseLong(response.header("X-Total-Count"))).isEqualTo(rows.size());
        assertThat(text).contains("\r\n");

        List<CSVRecord> mine = rowsOfPatient(rows);
        assertThat(mine).hasSize(2);
        CSVRecord first = mine.get(0);
        CSVRecord second = mine.get(1);
        assertThat(first.get("site")).isEqualTo("DEMO-A");
        assertThat(first.get("diagnosis")).isEqualTo("PM");
        assertThat(first.get("sex")).isEqualTo("FEMALE");
        assertThat(first.get("dateBasis")).isEqualTo("shifted");
        assertThat(first.get("diagnosisDate")).isEqualTo(shifted("2019-02-01"));
        assertThat(first.get("onsetDate")).isEqualTo(shifted("2018-10-01"));
        assertThat(first.get("visitNumber")).isEqualTo("1");
        assertThat(first.get("visitDate")).isEqualTo(shifted("2019-02-05"));
        assertThat(second.get("visitDate")).isEqualTo(shifted("2019-06-01"));
        assertThat(first.get("physicianGlobalActivity")).isEqualTo("6");
        assertThat(second.get("physicianGlobalActivity")).isEqualTo("2");
        assertThat(first.get("mmt8")).isEqualTo("120");
        assertThat(first.get("mmt8Max")).isEqualTo("150");
        assertThat(first.get("haq")).isEqualTo("1.5");
        assertThat(first.get("cmas")).isEmpty();
        assertThat(first.get("sf36Pcs")).isEqualTo("32.1");
        assertThat(first.get("ck")).isEqualTo("2400");
        assertThat(first.get("ckUln")).isEqualTo("200");
        assertThat(second.get("ck")).isEqualTo("300");
        assertThat(first.get("aldolase")).isEmpty();
        assertThat(first.get("tisFromFirstVisit")).isEmpty();
        assertThat(second.get("responseFromFirstVisit")).isNotEmpty();
        assertThat(first.get("regimen")).isEqualTo("PREDNISONE");
        assertThat(first.get("prednisoneMgPerDay")).isEqualTo("40");
        assertThat(second.get("regimen")).isEqualTo("OTHER;PREDNISONE");
        assertThat(second.get("regimenDoses")).as("a formula-looking drug name is neutralised")
                .isEqualTo("'" + FORMULA_DRUG + " 5 mg daily; PREDNISONE 40 mg daily");
        assertThat(text).doesNotContain("\r\n" + FORMULA_DRUG).doesNotContain("," + FORMULA_DRUG);
    }

    @Test
    void shouldNeverExportIdentifiersBirthDatesOrUnshiftedDates() {
        List<Map<String, Object>> registry = Api.admin().queryParam("size", 500).get("/api/patients").then()
                .statusCode(200).extract().jsonPath().getList("items");
        for (String format : List.of("csv", "csv-wide", "ndjson", "fhir")) {
            String text = export(format).asString();
            for (Map<String, Object> patient : registry) {
                assertThat(text).as(format + " export and external id").doesNotContain((String) patient.get("externalId"));
                assertThat(text).as(format + " export and registry code").doesNotContain((String) patient.get("registryCode"));
                assertThat(text).as(format + " export and birth date").doesNotContain((String) patient.get("birthDate"));
            }
            assertThat(text).doesNotContain("free text");
            if (shift != 0) {
                // A real visit date may appear only as the shifted image of another date of the record (with a
                // shift of 146 days the drug that ended on 2019-07-01 is exported as ending on 2019-02-05).
                Set<String> shiftedImages = Stream.of("2019-02-05", "2019-06-01", "2019-02-01", "2019-05-01",
                        "2019-07-01").map(this::shifted).collect(Collectors.toSet());
                // Other patients' shifted dates may be anything: read this patient's lines only.
                String mine = text.lines().filter(line -> line.contains(pseudonym)).collect(Collectors.joining("\n"));
                assertThat(mine).as(format + " export of the patient").isNotEmpty();
                for (String realVisitDate : List.of("2019-02-05", "2019-06-01")) {
                    if (!shiftedImages.contains(realVisitDate)) {
                        assertThat(mine).as(format + " export and the real visit dates").doesNotContain(realVisitDate);
                    }
                }
            }
        }
    }

    @Test
    void shouldWriteOneRowPerPatientWithNumberedVisitGroups() throws Exception {
        Response response = export("csv-wide");
        String text = response.asString();
        List<CSVRecord> rows = csv(text);
        assertThat(Long.parseLong(response.header("X-Total-Count"))).isEqualTo(rows.size());
        assertThat(rows.stream().map(row -> row.get("pseudonym")).distinct().count()).isEqualTo(rows.size());
        CSVRecord mine = rowsOfPatient(rows).get(0);
        assertThat(mine.get("visit1_visitDate")).isEqualTo(shifted("2019-02-05"));
        assertThat(mine.get("visit2_visitDate")).isEqualTo(shifted("2019-06-01"));
        assertThat(mine.get("visit2_mmt8")).isEqualTo("140");
        assertThat(mine.get("visit2_ck")).isEqualTo("300");
        List<String> header = header(text);
        int groups = (int) header.stream().filter(name -> name.endsWith("_visitDate")).count();
        assertThat(groups).isGreaterThanOrEqualTo(2);
        if (groups > 2) {
            assertThat(mine.get("visit3_visitDate")).isEmpty();
        }
    }

    @Test
    void shouldWriteOnePatientPerNdjsonLineWithNestedRecord() throws Exception {
        Response response = export("ndjson");
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        String[] lines = response.asString().split("\n");
        assertThat(Long.parseLong(response.header("X-Total-Count"))).isEqualTo(lines.length);
        JsonNode mine = null;
        for (String line : lines) {
            JsonNode patient = JSON.readTree(line);
            assertThat(patient.has("externalId")).isFalse();
            if (patient.get("pseudonym").asText().equals(pseudonym)) {
                mine = patient;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("visits")).hasSize(2);
        assertThat(mine.get("visits").get(1).get("mmt8").asInt()).isEqualTo(140);
        assertThat(mine.get("visits").get(1).get("visitDate").asText()).isEqualTo(shifted("2019-06-01"));
        assertThat(mine.get("visits").get(0).get("enzymes").get(0).get("uln").asDouble()).isEqualTo(200);
        assertThat(mine.get("therapies")).hasSize(2);
        assertThat(mine.get("therapies").get(1).get("endDate").asText()).isEqualTo(shifted("2019-07-01"));
        assertThat(mine.get("antibodies").get(0).get("testDate").asText()).isEqualTo(shifted("2019-01-20"));
        assertThat(mine.get("visits").get(0).has("notes")).isFalse();
    }

    @Test
    void shouldWriteFhirResourcesWithTheirCodeSystems() {
        Response response = export("fhir");
        assertThat(response.contentType()).startsWith("application/fhir+ndjson");
        String[] lines = response.asString().split("\n");
        assertThat(Long.parseLong(response.header("X-Total-Count"))).isEqualTo(lines.length);
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Map<String, Integer> types = new HashMap<>();
        Patient patient = null;
        Condition condition = null;
        List<Observation> creatineKinase = new ArrayList<>();
        List<Observation> panels = new ArrayList<>();
        for (String line : lines) {
            Resource resource = (Resource) parser.parseResource(line);
            if (!resource.getIdElement().getIdPart().startsWith(pseudonym)) {
                continue;
            }
            types.merge(resource.fhirType(), 1, Integer::sum);
            if (resource instanceof Patient p) {
                patient = p;
            } else if (resource instanceof Condition c) {
                condition = c;
            } else if (resource instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals("2157-6")) {
                creatineKinase.add(o);
            } else if (resource instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals("visit-measures")) {
                panels.add(o);
            } else if (resource instanceof MedicationStatement statement && statement.getMedicationCodeableConcept()
                    .getCodingFirstRep().getCode().equals("PREDNISONE")) {
                assertThat(statement.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo(shifted("2019-02-01"));
                assertThat(statement.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
            }
        }
        // Per visit one panel of the measures and one CK; one serology result.
        assertThat(types).containsEntry("Patient", 1).containsEntry("Condition", 1)
                .containsEntry("Observation", 2 * 2 + 1).containsEntry("MedicationStatement", 2);
        assertThat(panels).hasSize(2);
        Map<String, Double> measures = new HashMap<>();
        panels.get(0).getComponent().forEach(component -> {
            assertThat(component.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:myositis-registry:measure");
            measures.put(component.getCode().getCodingFirstRep().getCode(), component.getValueQuantity().getValue().doubleValue());
        });
        // The 13 measures of api.md's example visit (no CMAS).
        assertThat(measures).hasSize(13).containsEntry("pga", 6.0).containsEntry("mmt8", 120.0)
                .containsEntry("mmt8-max", 150.0).containsEntry("haq", 1.5).containsEntry("sf36-pcs", 32.1)
                .doesNotContainKey("cmas");
        assertThat(panels.get(1).getEffectiveDateTimeType().getValueAsString()).isEqualTo(shifted("2019-06-01"));
        assertThat(patient).isNotNull();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(pseudonym);
        assertThat(condition.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .contains("http://hl7.org/fhir/sid/icd-10-cm|M33.20", "http://snomed.info/sct|31384009");
        assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo(shifted("2019-02-01"));
        assertThat(creatineKinase).hasSize(2);
        Observation ck = creatineKinase.get(0);
        assertThat(ck.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(ck.getValueQuantity().getValue().doubleValue()).isEqualTo(2400);
        assertThat(ck.getReferenceRangeFirstRep().getHigh().getValue().doubleValue()).isEqualTo(200);
        assertThat(ck.getEffectiveDateTimeType().getValueAsString()).isEqualTo(shifted("2019-02-05"));
    }

    @Test
    void shouldExportOnlyTheFilteredCohort() throws Exception {
        for (String format : List.of("csv", "csv-wide")) {
            Response response = export(format, "diagnosis", "PM");
            List<CSVRecord> rows = csv(response.asString());
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("diagnosis")).isEqualTo("PM"));
            assertThat(rows.stream().map(row -> row.get("pseudonym")).distinct().count())
                    .isEqualTo(Long.parseLong(response.header("X-Cohort-Patients")));
        }
    }

    /**
     * The row count announced before the first byte is the number of data lines the export then holds, for every
     * format under every kind of filter (the counts join the records to the cohort's patients).
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "csv-wide", "ndjson", "fhir"})
    void shouldAnnounceTheRowsItThenWritesUnderEveryFilter(String format) throws Exception {
        // Deleted records are neither counted nor written: a patient whose only visit is deleted (one csv row of its
        // own), and a deleted visit with an enzyme result beside a kept one.
        long visitsDeleted = Api.createPatient();
        Api.clinician().delete("/api/visits/" + Api.createVisit(visitsDeleted, "2020-03-01")).then().statusCode(204);
        Map<String, Object> withEnzyme = Api.visitBody("2020-04-01");
        withEnzyme.put("enzymes", List.of(Map.of("test", "CK", "value", 900, "uln", 200, "unit", "U/L")));
        long deletedVisit = Api.clinician().body(withEnzyme).post("/api/patients/" + patientId + "/visits").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Api.clinician().delete("/api/visits/" + deletedVisit).then().statusCode(204);
        List<String[]> filters = List.of(new String[0], new String[] {"diagnosis", "DM"},
                new String[] {"site", "DEMO-A"}, new String[] {"antibody", "MDA5"}, new String[] {"drug", "PREDNISONE"},
                new String[] {"from", "2018-01-01", "to", "2020-12-31"}, new String[] {"refractory", "true"},
                new String[] {"refractory", "false", "flag", "CONSIDER_IBM"});
        long everyone = -1;
        for (String[] filter : filters) {
            Response response = export(format, filter);
            String body = response.asString();
            long lines = format.startsWith("csv") ? csv(body).size() : body.lines().filter(line -> !line.isBlank()).count();
            assertThat(Long.parseLong(response.header("X-Total-Count"))).as("%s %s", format, List.of(filter)).isEqualTo(lines);
            if (filter.length == 0) {
                everyone = lines;
            }
        }
        assertThat(everyone).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "csv-wide", "ndjson", "fhir"})
    void shouldExportTheSameCohortByteForByte(String format) {
        byte[] first = export(format, "diagnosis", "PM").asByteArray();
        byte[] second = export(format, "diagnosis", "PM").asByteArray();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void shouldGiveDaysSinceDiagnosisWhenAskedForRelativeDates() throws Exception {
        List<CSVRecord> mine = rowsOfPatient(csv(export("csv", "dates", "relative").asString()));
        assertThat(mine.get(0).get("dateBasis")).isEqualTo("diagnosis");
        assertThat(mine.get(0).get("diagnosisDate")).isEqualTo("0");
        assertThat(mine.get(0).get("onsetDate")).isEqualTo(Long.toString(
                ChronoUnit.DAYS.between(LocalDate.parse("2019-02-01"), LocalDate.parse("2018-10-01"))));
        assertThat(mine.get(0).get("visitDate")).isEqualTo("4");
        assertThat(mine.get(1).get("visitDate")).isEqualTo("120");
    }

    @Test
    void shouldBandBirthYearsWhenTheSmallestGroupIsTooSmallAndReportIt() throws Exception {
        Response response = export("csv");
        List<CSVRecord> rows = csv(response.asString());
        Map<List<String>, Set<String>> groups = new HashMap<>();
        for (CSVRecord row : rows) {
            groups.computeIfAbsent(List.of(row.get("site"), row.get("sex"), row.get("birthYear"), row.get("diagnosis")),
                    key -> new HashSet<>()).add(row.get("pseudonym"));
        }
        long smallest = groups.values().stream().mapToLong(Set::size).min().orElseThrow();
        assertThat(Long.parseLong(response.header("X-K-Anonymity"))).as("smallest group as exported").isEqualTo(smallest);
        assertThat(response.header("X-K-Anonymity-Note")).startsWith("Smallest group over site, sex, birth year and diagnosis");
        String resolution = response.header("X-Birth-Year-Resolution");
        String pattern = resolution.equals("year") ? "\\d{4}|90\\+" : "\\d{4}-\\d{4}|90\\+";
        assertThat(rows).allSatisfy(row -> assertThat(row.get("birthYear")).matches(pattern));
        // The demo cohort is small: some group over exact birth years holds fewer than five patients.
        assertThat(resolution).isEqualTo("5-year band");
        CSVRecord mine = rowsOfPatient(rows).get(0);
        assertThat(mine.get("birthYear")).isEqualTo("1980-1984");
    }

    @Test
    void shouldAnswerTheExportSummaryWithTheSameCounts() {
        Response export = export("fhir", "diagnosis", "PM");
        Api.coordinator().queryParam("format", "fhir").queryParam("diagnosis", "PM").get("/api/cohort/export/summary")
                .then().statusCode(200)
                .body("rows", equalTo(Integer.parseInt(export.header("X-Total-Count"))))
                .body("patients", equalTo(Integer.parseInt(export.header("X-Cohort-Patients"))))
                .body("smallestGroup", equalTo(Integer.parseInt(export.header("X-K-Anonymity"))));
    }

    @Test
    void shouldDescribeEveryExportedColumn() throws Exception {
        var dictionary = Api.coordinator().get("/api/cohort/dictionary").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> described = new HashMap<>();
        for (String list : List.of("patientColumns", "visitColumns")) {
            for (Map<String, Object> entry : dictionary.<Map<String, Object>>getList(list)) {
                described.put((String) entry.get("name"), entry);
            }
        }
        for (String column : header(export("csv").asString())) {
            assertThat(described).as("dictionary entry for " + column).containsKey(column);
            assertThat((String) described.get(column).get("type")).isNotBlank();
            assertThat((String) described.get(column).get("meaning")).isNotBlank();
            assertThat((String) described.get(column).get("range")).isNotBlank();
        }
        assertThat(described.get("ck").get("source")).isEqualTo("clinical.md §2");
        assertThat(dictionary.getString("wideVisitColumns")).contains("visit{n}_{name}");
        assertThat(dictionary.getList("fhir.resource")).contains("Patient", "Condition", "MedicationStatement");
    }

    @Test
    void shouldQueryCohortRowsWithoutIdentifiers() {
        var page = Api.coordinator().queryParam("diagnosis", "PM").queryParam("size", 500).get("/api/cohort").then()
                .statusCode(200)
                .body("items.diagnosis", everyItem(equalTo("PM")))
                .body("items.registryCode", hasItem(registryCode))
                .extract().jsonPath();
        Map<String, Object> mine = page.<Map<String, Object>>getList("items").stream()
                .filter(row -> row.get("registryCode").equals(registryCode)).findFirst().orElseThrow();
        assertThat(mine).doesNotContainKeys("externalId", "birthDate", "id")
                .containsEntry("siteCode", "DEMO-A").containsEntry("sex", "FEMALE").containsEntry("birthYear", 1983)
                .containsEntry("visitCount", 2).containsEntry("juvenile", false).containsEntry("refractory", false)
                .containsEntry("rulesVersion", "2").containsKeys("autoantibodies", "latestTis", "latestResponse", "flags");
        assertThat(page.getLong("total")).isEqualTo(page.getList("items").size());
        Api.coordinator().queryParam("diagnosis", "PM").queryParam("refractory", "true").get("/api/cohort").then()
                .statusCode(200).body("items.registryCode", not(hasItem(registryCode)))
                .body("items.refractory", everyItem(equalTo(true)));
        Api.coordinator().queryParam("drug", "PREDNISONE").queryParam("size", 500).get("/api/cohort").then()
                .statusCode(200).body("items.registryCode", hasItem(registryCode));
        Api.coordinator().queryParam("to", "2010-01-01").get("/api/cohort").then()
                .statusCode(200).body("items.registryCode", not(hasItem(registryCode)));
    }

    @Test
    void shouldWithholdTheBirthYearFromAge90() {
        Map<String, Object> body = Api.patientBody();
        body.put("birthDate", (Year.now().getValue() - 90) + "-12-31");
        body.put("diagnosisDate", "2020-01-01");
        body.put("onsetDate", "2019-06-01");
        body.put("diagnosis", "IBM");
        String code = Api.clinician().body(body).post("/api/patients").then().statusCode(201).extract().jsonPath()
                .getString("registryCode");
        Map<String, Object> row = Api.coordinator().queryParam("diagnosis", "IBM").queryParam("size", 500).get("/api/cohort")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(item -> item.get("registryCode").equals(code)).findFirst().orElseThrow();
        assertThat(row).containsEntry("age90OrOver", true).containsEntry("birthYear", null);
        String text = export("ndjson", "diagnosis", "IBM").asString();
        assertThat(text).contains("\"birthYear\":\"90+\"").doesNotContain((String) body.get("birthDate"));
    }

    /**
     * The rules version 2 inputs in every format: a patient with statin exposure PAST since a start date, and a visit
     * with weight, CDASI and two of the three ENMC findings (the third not recorded).
     */
    @Nested
    class RulesV2Inputs {

        private static final String STATIN_START = "2015-03-01";

        String statinPseudonym;
        int statinShift;

        /** A patient whose date shift is not 0, so that a shifted date always differs from the real one. */
        @BeforeEach
        void recordStatinPatient() {
            Pseudonyms pseudonyms = secret.pseudonyms();
            do {
                Map<String, Object> body = Api.patientBody();
                body.put("statinExposure", "PAST");
                body.put("statinStartDate", STATIN_START);
                long id = Api.clinician().body(body).post("/api/patients").then().statusCode(201).extract().jsonPath().getLong("id");
                String code = Api.clinician().get("/api/patients/" + id).then().extract().jsonPath().getString("registryCode");
                statinPseudonym = pseudonyms.pseudonym(code);
                statinShift = pseudonyms.dateShiftDays(code);
                if (statinShift != 0) {
                    Map<String, Object> visit = Api.visitBody("2019-02-05");
                    visit.put("bodyWeightKg", 72.5);
                    visit.put("cdasiActivity", 18);
                    visit.put("dysphagia", true);
                    visit.put("fingerFlexorWeakness", false);
                    Api.clinician().body(visit).post("/api/patients/" + id + "/visits").then().statusCode(201);
                }
            } while (statinShift == 0);
        }

        private String statinShifted(String date) {
            return LocalDate.parse(date).minusDays(statinShift).toString();
        }

        @Test
        void shouldCarryTheRulesV2InputsInTheLongCsvWithTheStartDateShifted() throws Exception {
            List<CSVRecord> rows = csv(export("csv").asString()).stream()
                    .filter(row -> row.get("pseudonym").equals(statinPseudonym)).toList();
            assertThat(rows).hasSize(1);
            CSVRecord row = rows.get(0);
            assertThat(row.get("statinExposure")).isEqualTo("PAST");
            assertThat(row.get("statinStartDate")).isEqualTo(statinShifted(STATIN_START)).isNotEqualTo(STATIN_START);
            assertThat(row.get("bodyWeightKg")).isEqualTo("72.5");
            assertThat(row.get("cdasiActivity")).isEqualTo("18");
            assertThat(row.get("dysphagia")).isEqualTo("true");
            assertThat(row.get("fingerFlexorWeakness")).isEqualTo("false");
            assertThat(row.get("quadricepsWeakness")).as("not recorded").isEmpty();
            assertThat(String.join(",", row.values())).doesNotContain(STATIN_START);
        }

        @Test
        void shouldCarryTheRulesV2InputsInTheWideCsv() throws Exception {
            CSVRecord row = csv(export("csv-wide").asString()).stream()
                    .filter(r -> r.get("pseudonym").equals(statinPseudonym)).findFirst().orElseThrow();
            assertThat(row.get("statinExposure")).isEqualTo("PAST");
            assertThat(row.get("statinStartDate")).isEqualTo(statinShifted(STATIN_START));
            assertThat(row.get("visit1_bodyWeightKg")).isEqualTo("72.5");
            assertThat(row.get("visit1_cdasiActivity")).isEqualTo("18");
            assertThat(row.get("visit1_dysphagia")).isEqualTo("true");
            assertThat(row.get("visit1_fingerFlexorWeakness")).isEqualTo("false");
            assertThat(row.get("visit1_quadricepsWeakness")).isEmpty();
            assertThat(String.join(",", row.values())).doesNotContain(STATIN_START);
        }

        @Test
        void shouldCarryTheRulesV2InputsInNdjsonWithBooleansAsBooleans() throws Exception {
            JsonNode mine = null;
            String line = null;
            for (String candidate : export("ndjson").asString().split("\n")) {
                JsonNode patient = JSON.readTree(candidate);
                if (patient.get("pseudonym").asText().equals(statinPseudonym)) {
                    mine = patient;
                    line = candidate;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("statinExposure").asText()).isEqualTo("PAST");
            assertThat(mine.get("statinStartDate").asText()).isEqualTo(statinShifted(STATIN_START));
            JsonNode visit = mine.get("visits").get(0);
            assertThat(visit.get("bodyWeightKg").asDouble()).isEqualTo(72.5);
            assertThat(visit.get("cdasiActivity").isInt()).isTrue();
            assertThat(visit.get("cdasiActivity").asInt()).isEqualTo(18);
            assertThat(visit.get("dysphagia").isBoolean()).isTrue();
            assertThat(visit.get("dysphagia").booleanValue()).isTrue();
            assertThat(visit.get("fingerFlexorWeakness").isBoolean()).isTrue();
            assertThat(visit.get("fingerFlexorWeakness").booleanValue()).isFalse();
            assertThat(visit.get("quadricepsWeakness").isNull()).isTrue();
            assertThat(line).doesNotContain(STATIN_START);
        }

        @Test
        void shouldWriteBodyWeightAsLoincVitalSignAndTheOtherInputsInThePanel() {
            IParser parser = FhirContext.forR4Cached().newJsonParser();
            Observation weight = null;
            Observation panel = null;
            Observation statin = null;
            for (String line : export("fhir").asString().split("\n")) {
                if (!line.contains(statinPseudonym)) {
                    continue;
                }
                assertThat(line).doesNotContain(STATIN_START);
                Resource resource = (Resource) parser.parseResource(line);
                if (!(resource instanceof Observation observation)) {
                    continue;
                }
                String code = observation.getCode().getCodingFirstRep().getCode();
                switch (code) {
                    case "29463-7" -> weight = observation;
                    case "visit-measures" -> panel = observation;
                    case "statin-exposure" -> statin = observation;
                    default -> { }
                }
            }
            assertThat(weight).isNotNull();
            assertThat(weight.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
            assertThat(weight.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Body weight");
            assertThat(weight.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
            assertThat(weight.getValueQuantity().getValue().doubleValue()).isEqualTo(72.5);
            assertThat(weight.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
            assertThat(weight.getValueQuantity().getCode()).isEqualTo("kg");
            assertThat(weight.getValueQuantity().getUnit()).isEqualTo("kg");
            assertThat(weight.getEffectiveDateTimeType().getValueAsString()).isEqualTo(statinShifted("2019-02-05"));

            assertThat(panel).isNotNull();
            Map<String, String> components = new HashMap<>();
            panel.getComponent().forEach(component -> components.put(component.getCode().getCodingFirstRep().getCode(),
                    component.hasValueBooleanType() ? "boolean " + component.getValueBooleanType().getValue()
                            : "quantity " + component.getValueQuantity().getValue().doubleValue()));
            assertThat(components).containsEntry("cdasi-activity", "quantity 18.0")
                    .containsEntry("dysphagia", "boolean true")
                    .containsEntry("finger-flexor-weakness", "boolean false")
                    .doesNotContainKey("quadriceps-weakness")
                    .doesNotContainKey("body-weight");

            assertThat(statin).isNotNull();
            assertThat(statin.getValueCodeableConcept().getCodingFirstRep().getSystem())
                    .isEqualTo("urn:myositis-registry:statin-exposure");
            assertThat(statin.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("PAST");
            assertThat(statin.getComponentFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("statin-start-date");
            assertThat(statin.getComponentFirstRep().getValueDateTimeType().getValueAsString())
                    .isEqualTo(statinShifted(STATIN_START));
        }

        @Test
        void shouldGiveTheStatinStartDateAsDaysSinceDiagnosisWhenDatesAreRelative() throws Exception {
            CSVRecord row = csv(export("csv", "dates", "relative").asString()).stream()
                    .filter(r -> r.get("pseudonym").equals(statinPseudonym)).findFirst().orElseThrow();
            assertThat(row.get("statinStartDate")).isEqualTo(Long.toString(
                    ChronoUnit.DAYS.between(LocalDate.parse("2019-02-01"), LocalDate.parse(STATIN_START))));
        }

        @Test
        void shouldDescribeTheRulesV2InputsWithTheirTypes() {
            var dictionary = Api.coordinator().get("/api/cohort/dictionary").then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Object>> described = new HashMap<>();
            for (String list : List.of("patientColumns", "visitColumns")) {
                for (Map<String, Object> entry : dictionary.<Map<String, Object>>getList(list)) {
                    described.put((String) entry.get("name"), entry);
                }
            }
            for (String finding : List.of("dysphagia", "fingerFlexorWeakness", "quadricepsWeakness")) {
                assertThat(described.get(finding).get("type")).as(finding).isEqualTo("boolean");
                assertThat(described.get(finding).get("unit")).as(finding).isNull();
            }
            assertThat(described.get("bodyWeightKg")).containsEntry("type", "decimal").containsEntry("unit", "kg")
                    .containsEntry("range", "2.0–300.0");
            assertThat(described.get("cdasiActivity")).containsEntry("type", "integer").containsEntry("range", "0–100");
            assertThat(described.get("statinExposure")).containsEntry("type", "code")
                    .containsEntry("range", "NEVER, PAST, CURRENT, UNKNOWN");
            assertThat(described.get("statinStartDate")).containsEntry("type", "date");
            assertThat((String) described.get("statinStartDate").get("range")).contains("shifted");
            assertThat(dictionary.getList("fhir.codeSystem", String.class)).anySatisfy(system -> assertThat(system)
                    .contains("http://loinc.org 29463-7"));
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseUnknownFormatsDatesAndFilters() {
            Api.coordinator().get("/api/cohort/export").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("format"));
            Api.coordinator().queryParam("format", "xlsx").get("/api/cohort/export").then().statusCode(400)
                    .body("violations[0].message", equalTo("must be one of: csv, csv-wide, ndjson, fhir"));
            Api.coordinator().queryParam("format", "csv").queryParam("dates", "exact").get("/api/cohort/export").then()
                    .statusCode(400).body("violations[0].field", equalTo("dates"));
            Api.coordinator().queryParam("format", "fhir").queryParam("dates", "relative").get("/api/cohort/export").then()
                    .statusCode(400).body("violations[0].field", equalTo("dates"));
            Api.coordinator().queryParam("format", "csv").queryParam("antibody", "ANA").get("/api/cohort/export").then()
                    .statusCode(400).body("violations[0].field", equalTo("antibody"));
            Api.coordinator().queryParam("site", "DEMO-Z").get("/api/cohort").then().statusCode(400)
                    .body("violations[0].field", equalTo("site"))
                    .body("violations[0].message", org.hamcrest.Matchers.containsString("DEMO-A"));
            Api.coordinator().queryParam("format", "csv").queryParam("site", "DEMO-Z").get("/api/cohort/export").then()
                    .statusCode(400).body("violations[0].field", equalTo("site"));
            Api.coordinator().queryParam("site", "DEMO-Z").get("/api/cohort/charts/therapy-swimmer.png").then()
                    .statusCode(400).body("violations[0].field", equalTo("site"));
            Api.coordinator().queryParam("size", 501).get("/api/cohort").then().statusCode(400)
                    .body("violations[0].message", equalTo("must be between 1 and 500"));
        }

        @Test
        void shouldKeepCohortsFromCliniciansAndStrangers() {
            Api.clinician().get("/api/cohort").then().statusCode(403);
            Api.clinician().queryParam("format", "csv").get("/api/cohort/export").then().statusCode(403);
            Api.clinician().get("/api/cohort/dictionary").then().statusCode(403);
            RestAssured.given().get("/api/cohort").then().statusCode(401);
            RestAssured.given().queryParam("format", "csv").get("/api/cohort/export").then().statusCode(401);
        }

        @Test
        void shouldKeepIdentifiedRecordsFromCoordinators() {
            for (String path : List.of("/api/patients", "/api/patients/" + patientId, "/api/patients/" + patientId + "/visits",
                    "/api/patients/" + patientId + "/therapies", "/api/patients/" + patientId + "/investigations",
                    "/api/patients/" + patientId + "/trajectory", "/api/patients/" + patientId + "/flags",
                    "/api/patients/" + patientId + "/charts/trend.png", "/api/patients/" + patientId + "/report.pdf",
                    "/api/patients/" + patientId + "/audit")) {
                Api.coordinator().get(path).then().statusCode(403);
            }
        }
    }
}
