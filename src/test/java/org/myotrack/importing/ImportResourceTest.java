package org.myotrack.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationService;
import org.myotrack.patient.PatientRequest;
import org.myotrack.patient.PatientService;
import org.myotrack.refractory.FlagCode;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.FlagsView;
import org.myotrack.refractory.PatientFlagState;
import org.myotrack.refractory.PatientFlagStateRepository;
import org.myotrack.security.Actor;
import org.myotrack.security.Role;
import org.myotrack.support.Api;
import org.myotrack.support.RawHttp;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.therapy.TherapyService;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class ImportResourceTest {

    private static final String VISITS = "/api/import/visits";
    private static final String THERAPIES = "/api/import/therapies";
    private static final String CSV_UTF8 = "text/csv; charset=utf-8";

    /** Every visit column in the order api.md lists them. */
    private static final List<String> VISIT_COLUMNS = List.of("patientId", "externalId", "visitDate",
            "physicianGlobalActivity", "patientGlobalActivity", "mmt8", "mmt8Max", "cmas", "haq", "extramuscularActivity",
            "physicianGlobalDamage", "patientGlobalDamage", "mdiExtent", "mdiSeverity", "sf36Pcs", "sf36Mcs",
            "functionalIndex", "notes", "ck", "ckUln", "aldolase", "aldolaseUln", "ldh", "ldhUln", "ast", "astUln", "alt",
            "altUln");
    private static final List<String> THERAPY_COLUMNS = List.of("patientId", "externalId", "drug", "drugName", "dose",
            "doseUnit", "frequency", "route", "startDate", "endDate", "stopReason");
    private static final List<String> NUMERIC_VISIT_FIELDS = List.of("physicianGlobalActivity", "patientGlobalActivity",
            "mmt8", "mmt8Max", "cmas", "haq", "extramuscularActivity", "physicianGlobalDamage", "patientGlobalDamage",
            "mdiExtent", "mdiSeverity", "sf36Pcs", "sf36Mcs", "functionalIndex");
    private static final List<String> ENZYMES = List.of("ck", "aldolase", "ldh", "ast", "alt");
    private static final JsonPathConfig EXACT_NUMBERS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PatientFlagStateRepository states;

    @Inject
    PatientService patientService;

    @Inject
    FlagService flags;

    @Inject
    ObjectMapper json;

    @Inject
    VisitService visitService;

    @Inject
    TherapyService therapyService;

    @Inject
    InvestigationService investigationService;

    static Response post(RequestSpecification as, String path, String csv) {
        return as.contentType(CSV_UTF8).body(csv.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    /** A file with the given header and rows, each cell quoted when it must be, lines ended CRLF as RFC 4180 has it. */
    static String csv(List<String> header, List<Map<String, String>> rows) {
        StringBuilder file = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                String cell = row.getOrDefault(column, "");
                cells.add(cell.matches("(?s).*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            file.append(String.join(",", cells)).append("\r\n");
        }
        return file.toString();
    }

    static Map<String, String> row(String... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    static String externalIdOf(long patientId) {
        return clinician().get("/api/patients/" + patientId).then().statusCode(200).extract().jsonPath().getString("externalId");
    }

    /** The patient's visits, numbers read as exact decimals so that they compare with the cells sent. */
    static List<Map<String, Object>> visitsOf(long patientId) {
        return clinician().get("/api/patients/" + patientId + "/visits?size=500").then().statusCode(200)
                .extract().jsonPath().using(EXACT_NUMBERS).getList("items");
    }

    /** Rows of the tables an import writes to, to show a refused import left no trace. */
    record Counts(long visits, long enzymes, long therapies, long audits, long flagStates) {
    }

    Counts counts() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long[] values = new long[5];
            String[] tables = {"visits", "enzyme_results", "therapies", "audit_events", "patient_flag_states"};
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    count.next();
                    values[i] = count.getLong(1);
                }
            }
            return new Counts(values[0], values[1], values[2], values[3], values[4]);
        }
    }

    /** Asserts that every cell of the row reads back from the stored visit, enzymes included (unit U/L). */
    static void assertStored(Map<String, String> row, Map<String, Object> visit) {
        assertThat(visit.get("visitDate")).isEqualTo(row.get("visitDate"));
        for (String field : NUMERIC_VISIT_FIELDS) {
            String cell = row.getOrDefault(field, "");
            if (cell.isEmpty()) {
                assertThat(visit.get(field)).as(field).isNull();
            } else {
                assertThat(new BigDecimal(visit.get(field).toString())).as(field).isEqualByComparingTo(cell);
            }
        }
        String notes = row.getOrDefault("notes", "");
        assertThat(visit.get("notes")).as("notes").isEqualTo(notes.isEmpty() ? null : notes);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> enzymes = (List<Map<String, Object>>) visit.get("enzymes");
        List<String> expected = new ArrayList<>();
        for (String enzyme : ENZYMES) {
            String value = row.getOrDefault(enzyme, "");
            if (!value.isEmpty()) {
                expected.add(enzyme.toUpperCase() + " " + plain(value) + "/" + plain(row.get(enzyme + "Uln")) + " U/L");
            }
        }
        assertThat(enzymes).extracting(e -> e.get("test") + " " + plain(e.get("value").toString()) + "/"
                + plain(e.get("uln").toString()) + " " + e.get("unit")).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String plain(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    @Test
    void shouldImportVisitsOfSeveralPatientsByIdAndByExternalIdAndReadEveryValueBack() {
        long first = Api.createPatient();
        long second = Api.createPatient();
        long third = Api.createPatient();
        List<Map<String, String>> rows = List.of(
                row("patientId", "" + first, "visitDate", "2020-01-05", "physicianGlobalActivity", "6.0",
                        "patientGlobalActivity", "7.0", "mmt8", "120", "mmt8Max", "150", "haq", "1.5",
                        "extramuscularActivity", "4.0", "physicianGlobalDamage", "1.0", "patientGlobalDamage", "2.0",
                        "mdiExtent", "2", "mdiSeverity", "5", "sf36Pcs", "32.1", "sf36Mcs", "45.0", "functionalIndex", "62.0",
                        "notes", "first visit", "ck", "2400", "ckUln", "200"),
                row("externalId", externalIdOf(second), "visitDate", "2020-02-10", "physicianGlobalActivity", "3.5",
                        "patientGlobalActivity", "4", "mmt8", "100", "mmt8Max", "150", "cmas", "40", "haq", "0.625",
                        "extramuscularActivity", "0", "aldolase", "12.5", "aldolaseUln", "7.6", "ldh", "300",
                        "ldhUln", "250", "ast", "45", "astUln", "40", "alt", "60", "altUln", "45"),
                row("patientId", "" + third, "visitDate", "2021-06-30", "physicianGlobalActivity", "0",
                        "patientGlobalActivity", "10", "mmt8", "80", "mmt8Max", "80", "cmas", "52", "haq", "3",
                        "extramuscularActivity", "10", "physicianGlobalDamage", "10", "patientGlobalDamage", "0",
                        "mdiExtent", "38", "mdiSeverity", "110", "sf36Pcs", "100", "sf36Mcs", "0", "functionalIndex", "100"),
                row("patientId", "" + first, "visitDate", "2020-04-01", "physicianGlobalActivity", "4.2", "mmt8", "130",
                        "mmt8Max", "150", "ck", "900.55", "ckUln", "200", "alt", "0", "altUln", "45"),
                row("patientId", "" + second, "externalId", externalIdOf(second), "visitDate", "2020-05-20", "haq", "0.125"));

        post(clinician(), VISITS, csv(VISIT_COLUMNS, rows)).then().statusCode(200)
                .body("created", is(5)).body("skipped", is(0)).body("rows", is(5));

        List<Map<String, Object>> firstVisits = visitsOf(first);
        assertThat(firstVisits).extracting(v -> v.get("visitDate")).containsExactly("2020-01-05", "2020-04-01");
        assertStored(rows.get(0), firstVisits.get(0));
        assertStored(rows.get(3), firstVisits.get(1));
        List<Map<String, Object>> secondVisits = visitsOf(second);
        assertThat(secondVisits).extracting(v -> v.get("visitDate")).containsExactly("2020-02-10", "2020-05-20");
        assertStored(rows.get(1), secondVisits.get(0));
        assertStored(rows.get(4), secondVisits.get(1));
        List<Map<String, Object>> thirdVisits = visitsOf(third);
        assertThat(thirdVisits).hasSize(1);
        assertStored(rows.get(2), thirdVisits.get(0));
    }

    @Test
    void shouldAuditEachImportedVisitAsTheRestCreateDoes() {
        long patientId = Api.createPatient();
        post(clinician(), VISITS, "patientId,visitDate,mmt8,mmt8Max,ck,ckUln,notes\r\n"
                + patientId + ",2020-01-05,120,150,2400,200,imported\r\n").then().statusCode(200).body("created", is(1));
        Map<String, Object> stored = visitsOf(patientId).get(0);
        JsonPath audit = Api.admin().get("/api/patients/" + patientId + "/audit").then().statusCode(200)
                .body("total", is(2))
                .body("items[1].action", equalTo("CREATE"))
                .body("items[1].entityType", equalTo("VISIT"))
                .body("items[1].username", equalTo("clinician"))
                .body("items[1].oldValue", nullValue())
                .extract().jsonPath().using(EXACT_NUMBERS);
        assertThat(audit.getLong("items[1].entityId")).isEqualTo(((Number) stored.get("id")).longValue());
        assertThat(audit.getMap("items[1].newValue")).isEqualTo(stored);
    }

    @Test
    void shouldSkipRowsAlreadyRecordedSoThatImportingTheFileAgainChangesNothing() throws Exception {
        long patientId = Api.createPatient();
        long restVisit = Api.createVisit(patientId, "2019-05-02");
        // The first row is the visit Api.createVisit recorded over REST, cell for cell.
        String file = "patientId,visitDate,physicianGlobalActivity,patientGlobalActivity,mmt8,mmt8Max,haq,"
                + "extramuscularActivity,ck,ckUln,physicianGlobalDamage,patientGlobalDamage,mdiExtent,mdiSeverity,sf36Pcs,"
                + "sf36Mcs,functionalIndex,notes\r\n"
                + patientId + ",2019-05-02,6.0,7.0,120,150,1.5,4.0,2400,200,1.0,2.0,2,5,32.1,45.0,62.0,free text\r\n"
                + patientId + ",2019-08-01,5.0,6.0,125,150,1.25,3.0,1200.004,200,1.0,2.0,2,5,35,45,65,\r\n"
                + patientId + ",2019-11-01,4.0,,130,150,,,,,,,,,,,,\r\n";
        post(clinician(), VISITS, file).then().statusCode(200)
                .body("created", is(2)).body("skipped", is(1)).body("rows", is(3));
        Counts before = counts();
        String stateBefore = storedState(patientId);

        post(clinician(), VISITS, file).then().statusCode(200)
                .body("created", is(0)).body("skipped", is(3)).body("rows", is(3));

        assertThat(counts()).isEqualTo(before);
        assertThat(storedState(patientId)).isEqualTo(stateBefore);
        assertThat(visitsOf(patientId)).extracting(v -> ((Number) v.get("id")).longValue()).contains(restVisit).hasSize(3);
    }

    @Test
    void shouldCompareEveryRowOfAFileOfSeveralChunksWithItsStoredVisit() throws Exception {
        long patientId = Api.createPatient();
        int rows = ImportService.CHUNK_ROWS * 2 + 100;
        StringBuilder file = new StringBuilder("patientId,visitDate,haq\r\n");
        for (int i = 0; i < rows; i++) {
            file.append(patientId).append(',').append(LocalDate.of(2000, 1, 1).plusDays(i)).append(",1\r\n");
        }
        post(clinician(), VISITS, file.toString()).then().statusCode(200).body("created", is(rows)).body("skipped", is(0));
        Counts before = counts();

        // Every row is compared with its stored visit, those of the later chunks as well.
        post(clinician(), VISITS, file.toString()).then().statusCode(200).body("created", is(0)).body("skipped", is(rows));
        String changedLast = file.substring(0, file.length() - "1\r\n".length()) + "2\r\n";
        post(clinician(), VISITS, changedLast).then().statusCode(422)
                .body("errorCount", is(1))
                .body("rows[0].row", is(rows + 1))
                .body("rows[0].column", equalTo("visitDate"))
                .body("rows[0].message", containsString("is already recorded with other values"));
        assertThat(counts()).isEqualTo(before);
    }

    private String storedState(long patientId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PatientFlagState state = states.findById(patientId);
            return state.visitCount + " " + state.latestTis + " " + state.evaluatedAt;
        });
    }

    @Test
    void shouldEvaluateStoredFlagStateOfEveryImportedPatient() {
        long first = Api.createPatient();
        long second = Api.createPatient();
        String active = ",5.0,6.0,100,150,1.5,3.0,1600,200\r\n";
        post(clinician(), VISITS, "patientId,visitDate,physicianGlobalActivity,patientGlobalActivity,mmt8,mmt8Max,haq,"
                + "extramuscularActivity,ck,ckUln\r\n"
                + first + ",2020-01-05" + active
                + second + ",2020-01-06" + active
                + first + ",2020-04-05,2.0,2.0,140,150,0.5,1.0,200,200\r\n").then().statusCode(200).body("created", is(3));
        QuarkusTransaction.requiringNew().run(() -> {
            PatientFlagState firstState = states.findById(first);
            assertThat(firstState.visitCount).isEqualTo(2);
            assertThat(firstState.latestTis).as("TIS of the second visit against the first").isNotNull();
            assertThat(states.findById(second).visitCount).isEqualTo(1);
        });
        clinician().get("/api/patients/" + first + "/trajectory").then().statusCode(200).body("visits", hasSize(2));
    }

    @Test
    void shouldStoreForEachOfMoreThanAThousandImportedPatientsTheFlagsItsOwnRecordGives() {
        // Enough patients for the refresh at the end to read them in three batches (the last a small one) and run
        // their rules on both cores: every batch's state must land on its own patients.
        int patientCount = 1_050;
        Long siteA = clinician().get("/api/sites").jsonPath().getLong("find { it.code == 'DEMO-A' }.id");
        Actor actor = new Actor("clinician", Role.CLINICIAN, siteA);
        List<Long> ids = new ArrayList<>();
        // A hundred patients per transaction keeps each session small.
        while (ids.size() < patientCount) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 100 && ids.size() < patientCount; i++) {
                    ids.add(patientService.recordPatient(actor, json.convertValue(Api.patientBody(), PatientRequest.class)).id());
                }
            });
        }
        // Three kinds of record: CK above ULN while strength improves, weakness with normal enzymes, a single visit.
        StringBuilder file = new StringBuilder("patientId,visitDate,physicianGlobalActivity,patientGlobalActivity,mmt8,"
                + "mmt8Max,haq,extramuscularActivity,ck,ckUln\r\n");
        Map<Long, Integer> visitCounts = new HashMap<>();
        for (int i = 0; i < patientCount; i++) {
            long id = ids.get(i);
            switch (i % 3) {
                case 0 -> file.append(id).append(",2020-01-05,5.0,6.0,100,150,1.5,3.0,1600,200\r\n")
                        .append(id).append(",2020-04-05,3.0,3.0,120,150,1.0,1.0,900,200\r\n");
                case 1 -> file.append(id).append(",2020-01-05,2.0,2.0,100,150,1.0,0.5,100,200\r\n")
                        .append(id).append(",2020-05-05,2.0,2.0,100,150,1.0,0.5,120,200\r\n");
                default -> file.append(id).append(",2020-01-05,5.0,6.0,100,150,1.5,3.0,1600,200\r\n");
            }
            visitCounts.put(id, i % 3 == 2 ? 1 : 2);
        }
        post(clinician(), VISITS, file.toString()).then().statusCode(200).body("created", is(patientCount / 3 * 5));

        Set<List<FlagCode>> kinds = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : ids) {
                PatientFlagState stored = states.findById(id);
                assertThat(stored).as("stored state of patient %d", id).isNotNull();
                FlagsView live = flags.flagsOf(actor, id);
                List<String> storedFlags = stored.flags.stream().map(flag -> flag.code + " " + flag.since).sorted().toList();
                List<String> liveFlags = live.flags().stream().map(flag -> flag.code() + " " + flag.since()).sorted().toList();
                assertThat(storedFlags).as("stored flags of patient %d", id).isEqualTo(liveFlags);
                assertThat(stored.refractory).as("refractory, patient %d", id).isEqualTo(live.refractory());
                assertThat(stored.visitCount).as("visits of patient %d", id).isEqualTo(visitCounts.get(id));
                assertThat(stored.latestTis == null).as("TIS only with two visits, patient %d", id)
                        .isEqualTo(visitCounts.get(id) == 1);
                kinds.add(stored.flags.stream().map(flag -> flag.code).sorted().toList());
            }
        });
        assertThat(kinds).as("the three kinds of record give different flags")
                .contains(List.of(FlagCode.ENZYMES_WITHOUT_WEAKNESS), List.of(FlagCode.WEAKNESS_WITHOUT_ACTIVITY), List.of());
    }

    @Test
    void shouldStoreTheStateOfTheWholeRecordWhenVisitsAndTherapiesAreImportedForPatientsWithAHistory() {
        // Generated patients of every archetype are stored with every other visit and the first half of their therapies,
        // with all their investigations and serology; the files then bring the rest. The state the import stores (the
        // committed record read beside it, with the imported rows added) must be the one a full read of the record gives.
        Long siteA = clinician().get("/api/sites").jsonPath().getLong("find { it.code == 'DEMO-A' }.id");
        Actor actor = new Actor("clinician", Role.CLINICIAN, siteA);
        // Far beyond the demo patients' numbers, so their external ids are free.
        DemoCohortGenerator generator = new DemoCohortGenerator(20_261_130L, List.of("DEMO-A"));
        List<SyntheticPatient> generated = IntStream.range(7_000, 7_036).mapToObj(generator::patient).toList();
        List<Long> ids = new ArrayList<>();
        List<Map<String, String>> visitRows = new ArrayList<>();
        List<Map<String, String>> therapyRows = new ArrayList<>();
        for (SyntheticPatient patient : generated) {
            long id = QuarkusTransaction.requiringNew().call(() -> {
                long patientId = patientService.recordPatient(actor, patient.patient()).id();
                for (int i = 1; i < patient.visits().size(); i += 2) {
                    visitService.recordVisit(actor, patientId, patient.visits().get(i));
                }
                int therapiesStored = patient.therapies().size() / 2;
                for (TherapyRequest therapy : patient.therapies().subList(0, therapiesStored)) {
                    therapyService.recordTherapy(actor, patientId, therapy);
                }
                for (InvestigationRequest investigation : patient.investigations()) {
                    investigationService.recordInvestigation(actor, patientId, investigation);
                }
                return patientId;
            });
            ids.add(id);
            for (int i = 0; i < patient.visits().size(); i += 2) {
                visitRows.add(visitRow(id, patient.visits().get(i)));
            }
            for (TherapyRequest therapy : patient.therapies().subList(patient.therapies().size() / 2, patient.therapies().size())) {
                therapyRows.add(therapyRow(id, therapy));
            }
        }

        post(clinician(), VISITS, csv(VISIT_COLUMNS, visitRows)).then().statusCode(200).body("created", is(visitRows.size()));
        Map<Long, String> afterVisits = storedStates(ids);
        post(clinician(), THERAPIES, csv(THERAPY_COLUMNS, therapyRows)).then().statusCode(200)
                .body("created", is(therapyRows.size()));
        Map<Long, String> afterTherapies = storedStates(ids);
        assertThat(afterTherapies).as("the therapies change some patients' state").isNotEqualTo(afterVisits);

        // The reference: each record read whole in a transaction of its own, evaluated and stored again.
        QuarkusTransaction.requiringNew().run(() -> flags.refresh(ids));
        Map<Long, String> fullRead = storedStates(ids);
        assertThat(afterTherapies).isEqualTo(fullRead);
        for (int i = 0; i < generated.size(); i++) {
            assertThat(fullRead.get(ids.get(i))).as("visits of patient %d", ids.get(i))
                    .startsWith(generated.get(i).visits().size() + " ");
        }
        assertThat(fullRead.values()).as("refractory and not refractory patients, with and without flags")
                .anyMatch(state -> state.contains(" refractory ")).anyMatch(state -> state.contains(" not-refractory "))
                .anyMatch(state -> state.endsWith("[]")).anyMatch(state -> !state.endsWith("[]"));
    }

    @Test
    void shouldCountAVisitCommittedWhileTheImportWaitsForItsPatientInTheStoredState() throws Exception {
        // A clinic's write holds the patient when the import comes to evaluate it: the import waits for the write's
        // commit, and its evaluation (the committed record read beside it, with the imported rows) holds both visits.
        long patientId = Api.createPatient();
        Long siteA = clinician().get("/api/sites").jsonPath().getLong("find { it.code == 'DEMO-A' }.id");
        Actor actor = new Actor("clinician", Role.CLINICIAN, siteA);
        VisitRequest clinicVisit = json.convertValue(Map.of("visitDate", "2020-03-01", "physicianGlobalActivity", 5.0,
                "mmt8", 100, "mmt8Max", 150), VisitRequest.class);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CountDownLatch held = new CountDownLatch(1);
        try {
            Future<?> write = writer.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                visitService.recordVisit(actor, patientId, clinicVisit);
                held.countDown();
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            post(clinician(), VISITS, "patientId,visitDate,physicianGlobalActivity,mmt8,mmt8Max\r\n"
                    + patientId + ",2020-06-01,2.0,140,150\r\n").then().statusCode(200).body("created", is(1));
            write.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        Map<Long, String> imported = storedStates(List.of(patientId));
        assertThat(imported.get(patientId)).as("the clinic's visit and the imported one").startsWith("2 ");
        QuarkusTransaction.requiringNew().run(() -> flags.refresh(List.of(patientId)));
        assertThat(imported).isEqualTo(storedStates(List.of(patientId)));
    }

    /** Each patient's stored state but the time it was evaluated: visits, refractory, TIS, response and flags. */
    private Map<Long, String> storedStates(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, String> stored = new HashMap<>();
            for (long id : ids) {
                PatientFlagState state = states.findById(id);
                stored.put(id, state.visitCount + " " + (state.refractory ? "refractory" : "not-refractory") + " "
                        + state.rulesVersion + " " + state.latestTis + " " + state.latestResponse + " "
                        + state.flags.stream().map(flag -> flag.code + " " + flag.since).sorted().toList());
                states.getEntityManager().detach(state);
            }
            return stored;
        });
    }

    private static Map<String, String> visitRow(long patientId, VisitRequest visit) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("patientId", Long.toString(patientId));
        row.put("visitDate", visit.visitDate().toString());
        Object[] values = {visit.physicianGlobalActivity(), visit.patientGlobalActivity(), visit.mmt8(), visit.mmt8Max(),
                visit.cmas(), visit.haq(), visit.extramuscularActivity(), visit.physicianGlobalDamage(),
                visit.patientGlobalDamage(), visit.mdiExtent(), visit.mdiSeverity(), visit.sf36Pcs(), visit.sf36Mcs(),
                visit.functionalIndex()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.put(NUMERIC_VISIT_FIELDS.get(i), values[i].toString());
            }
        }
        if (visit.notes() != null) {
            row.put("notes", visit.notes());
        }
        if (visit.enzymes() != null) {
            for (EnzymeEntry enzyme : visit.enzymes()) {
                String column = enzyme.test().name().toLowerCase(Locale.ROOT);
                row.put(column, Double.toString(enzyme.value()));
                row.put(column + "Uln", Double.toString(enzyme.uln()));
            }
        }
        return row;
    }

    private static Map<String, String> therapyRow(long patientId, TherapyRequest therapy) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("patientId", Long.toString(patientId));
        row.put("drug", therapy.drug().name());
        Object[] values = {therapy.drugName(), therapy.dose(), therapy.doseUnit(), therapy.frequency(), therapy.route(),
                therapy.startDate(), therapy.endDate(), therapy.stopReason()};
        List<String> columns = List.of("drugName", "dose", "doseUnit", "frequency", "route", "startDate", "endDate",
                "stopReason");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.put(columns.get(i), values[i].toString());
            }
        }
        return row;
    }

    @Test
    void shouldStoreFormulaLookingNotesAsPlainText() {
        long patientId = Api.createPatient();
        List<String> formulas = List.of("=HYPERLINK(\"http://example.org\",\"open\")", "+CK rising", "-2 on MMT-8",
                "@SUM(A1:A3)", "=1+1");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            rows.add(row("patientId", "" + patientId, "visitDate", "2020-01-0" + (i + 1), "haq", "1", "notes", formulas.get(i)));
        }
        post(clinician(), VISITS, csv(List.of("patientId", "visitDate", "haq", "notes"), rows)).then().statusCode(200);
        assertThat(visitsOf(patientId)).extracting(v -> v.get("notes")).containsExactlyElementsOf(formulas);
    }

    @Test
    void shouldReadCrlfLinesAndQuotedCellsHoldingCommasQuotesAndLineBreaks() {
        long patientId = Api.createPatient();
        String file = "patientId,visitDate,\"haq\",notes\r\n"
                + patientId + ",2020-01-05,1.5,\"weak, CK \"\"high\"\"\r\nrecheck in 4 weeks\"\r\n"
                + patientId + ",\"2020-02-05\",\"1\",\"plain\"\n"
                + patientId + ",2020-03-05,0.5,\r\n";
        post(clinician(), VISITS, file).then().statusCode(200).body("created", is(3)).body("rows", is(3));
        assertThat(visitsOf(patientId)).extracting(v -> v.get("notes"))
                .containsExactly("weak, CK \"high\"\r\nrecheck in 4 weeks", "plain", null);
    }

    @Test
    void shouldAcceptUtf8WithByteOrderMarkAsSpreadsheetsSaveIt() throws Exception {
        long patientId = Api.createPatient();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write(("patientId,visitDate,haq,notes\r\n" + patientId + ",2020-01-05,1.5,Schluckstörung, müde\r\n")
                .replace("Schluckstörung, müde", "\"Schluckstörung, müde\"").getBytes(StandardCharsets.UTF_8));
        clinician().contentType(CSV_UTF8).body(file.toByteArray()).post(VISITS).then().statusCode(200)
                .body("created", is(1));
        assertThat(visitsOf(patientId)).extracting(v -> v.get("notes")).containsExactly("Schluckstörung, müde");
    }

    @Test
    void shouldAnswerAHeaderOnlyFileWithNothingImported() {
        post(clinician(), VISITS, "patientId,visitDate,mmt8,mmt8Max\r\n").then().statusCode(200)
                .body("created", is(0)).body("skipped", is(0)).body("rows", is(0));
    }

    @Test
    void shouldPassOverBlankRowsButCountThemInRowNumbers() {
        long patientId = Api.createPatient();
        post(clinician(), VISITS, "patientId,visitDate,mmt8,mmt8Max\r\n"
                + patientId + ",2020-01-05,120,150\r\n"
                + "\r\n"
                + ",,,\r\n"
                + patientId + ",2020-02-05,170,150\r\n").then().statusCode(422)
                .body("rows.row", contains(5))
                .body("rows.column", contains("mmt8"));
    }

    @Nested
    class VisitRefusals {

        @Test
        void shouldRefuseTheWholeFileNamingEveryBadRowColumnAndReasonAndStoreNothing() throws Exception {
            long patientId = Api.createPatient();
            String future = LocalDate.now().plusDays(3).toString();
            String file = "patientId,visitDate,mmt8,mmt8Max,haq,ck,ckUln,sf36Pcs\r\n"
                    + patientId + ",2020-01-05,120,150,1.5,2400,200,40\r\n"
                    + patientId + ",2020-02-05,170,150,1.5,,,\r\n"
                    + patientId + ",2020-03-05,120,150,abc,,,\r\n"
                    + patientId + ",2020-04-05,120,150,,900,,\r\n"
                    + patientId + "," + future + ",120,150,,,,\r\n"
                    + patientId + ",2020-06-05,120,,1.1,,,100.5\r\n"
                    + patientId + ",2020-07-05,,,,,,\r\n"
                    + patientId + ",2020-08-05,120,150,1.5,2400,200,40\r\n";
            Counts before = counts();
            JsonPath refusal = post(clinician(), VISITS, file).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("status", is(422))
                    .body("errorCount", is(7))
                    .body("detail", containsString("6 row(s)"))
                    .extract().jsonPath();
            assertThat(refusal.getList("rows", Map.class)).extracting(r -> r.get("row") + " " + r.get("column") + " "
                    + r.get("value") + ": " + r.get("message")).containsExactly(
                    "3 mmt8 170: must be between 0 and 150",
                    "4 haq abc: must be a number between 0 and 3",
                    "5 ckUln null: is required: an enzyme value needs the lab's upper limit of normal",
                    "6 visitDate " + future + ": must not be in the future",
                    "7 haq 1.1: must be a multiple of 0.125",
                    "7 sf36Pcs 100.5: must be between 0 and 100",
                    "8 null null: a visit must record at least one measure");
            assertThat(counts()).isEqualTo(before);
            assertThat(visitsOf(patientId)).isEmpty();
        }

        @Test
        void shouldRefuseADateAlreadyRecordedWithOtherValues() {
            long patientId = Api.createPatient();
            Api.createVisit(patientId, "2020-01-05");
            post(clinician(), VISITS, "patientId,visitDate,mmt8,mmt8Max\r\n" + patientId + ",2020-01-05,110,150\r\n")
                    .then().statusCode(422)
                    .body("rows[0].row", is(2))
                    .body("rows[0].column", equalTo("visitDate"))
                    .body("rows[0].value", equalTo("2020-01-05"))
                    .body("rows[0].message", equalTo("a visit on 2020-01-05 is already recorded with other values; edit it instead"));
            assertThat(visitsOf(patientId)).extracting(v -> v.get("mmt8")).containsExactly(120);
        }

        @Test
        void shouldRefuseTwoRowsOfOnePatientAndDateEvenWhenNamedDifferently() {
            long patientId = Api.createPatient();
            post(clinician(), VISITS, "patientId,externalId,visitDate,mmt8,mmt8Max\r\n"
                    + patientId + ",,2020-01-05,110,150\r\n"
                    + "," + externalIdOf(patientId) + ",2020-01-05,110,150\r\n").then().statusCode(422)
                    .body("rows.row", contains(3))
                    .body("rows[0].message", equalTo("row 2 already has this patient's visit on 2020-01-05: one visit per patient and date"));
            assertThat(visitsOf(patientId)).isEmpty();
        }

        @Test
        void shouldRefuseAnotherSitesPatientExactlyLikeNoPatient() {
            long other = Api.createPatientAtSiteB();
            String otherExternalId = Api.clinicianB().get("/api/patients/" + other).jsonPath().getString("externalId");
            post(clinician(), VISITS, "patientId,externalId,visitDate,haq\r\n"
                    + other + ",,2020-01-05,1\r\n"
                    + "999999999,,2020-01-05,1\r\n"
                    + "," + otherExternalId + ",2020-01-05,1\r\n"
                    + ",NO-SUCH-PATIENT,2020-01-05,1\r\n").then().statusCode(422)
                    .body("rows.message", contains("no patient " + other + " at your site",
                            "no patient 999999999 at your site",
                            "no patient with externalId " + otherExternalId + " at your site",
                            "no patient with externalId NO-SUCH-PATIENT at your site"));
            assertThat(Api.clinicianB().get("/api/patients/" + other + "/visits").jsonPath().getList("items")).isEmpty();
        }

        @Test
        void shouldRefuseARowWithoutPatientOrWithMismatchedIdentifiers() {
            long patientId = Api.createPatient();
            long otherPatient = Api.createPatient();
            post(clinician(), VISITS, "patientId,externalId,visitDate,haq\r\n"
                    + ",,2020-01-05,1\r\n"
                    + patientId + "," + externalIdOf(otherPatient) + ",2020-01-05,1\r\n"
                    + "P12,,2020-01-05,1\r\n").then().statusCode(422)
                    .body("rows.column", contains("patientId", "externalId", "patientId"))
                    .body("rows.message", contains("is required: name the row's patient by patientId or externalId",
                            "is not the externalId of patient " + patientId,
                            "must be the patient's registry id, a whole number"));
        }

        @Test
        void shouldRefuseUnreadableCellsNamingWhatTheColumnTakes() {
            long patientId = Api.createPatient();
            post(clinician(), VISITS, "patientId,visitDate,mmt8,mmt8Max,haq,ckUln,ck\r\n"
                    + patientId + ",05/01/2020,12.5,x,\"1,5\",-1,lots\r\n").then().statusCode(422)
                    .body("rows.column", contains("visitDate", "mmt8", "mmt8Max", "haq", "ck", "ckUln"))
                    .body("rows.message", contains("must be a date written YYYY-MM-DD, e.g. 2024-03-01",
                            "must be a whole number between 0 and 150",
                            "must be 80 or 150",
                            "must be a number between 0 and 3",
                            "must be a number between 0 and 9999999999",
                            "must be greater than 0"));
        }

        @Test
        void shouldRefuseARowWhoseCellCountDiffersFromTheHeader() {
            long patientId = Api.createPatient();
            post(clinician(), VISITS, "patientId,visitDate,haq,notes\r\n"
                    + patientId + ",2020-01-05,1,weak, tired\r\n").then().statusCode(422)
                    .body("rows[0].row", is(2))
                    .body("rows[0].column", nullValue())
                    .body("rows[0].message", startsWithText("has 5 cells where the header names 4 columns"));
        }

        @Test
        void shouldListTheFirstThousandRefusalsAndCountThemAll() {
            StringBuilder file = new StringBuilder("patientId,visitDate,haq\r\n");
            for (int i = 0; i < 1200; i++) {
                file.append(900_000_000 + i).append(",2020-01-05,1\r\n");
            }
            post(clinician(), VISITS, file.toString()).then().statusCode(422)
                    .body("errorCount", is(1200))
                    .body("rows", hasSize(1000))
                    .body("rows[999].row", is(1001))
                    .body("detail", containsString("The first 1000 reasons are listed"));
        }
    }

    /** The rules version 2 inputs as visit columns named like their JSON fields (clinical-v2.md "New inputs"). */
    @Nested
    class RulesV2Inputs {

        private static final String HEADER = "patientId,visitDate,bodyWeightKg,cdasiActivity,dysphagia,"
                + "fingerFlexorWeakness,quadricepsWeakness\r\n";

        @Test
        void shouldImportTheRulesV2InputsReadThemBackAndSkipThemWhenImportedAgain() {
            long patientId = Api.createPatient();
            String file = HEADER
                    + patientId + ",2020-01-05,72.5,18,true,FALSE,yes\r\n"
                    + patientId + ",2020-02-05,2.0,0,No,false,\r\n"
                    + patientId + ",2020-03-05,300.0,100,,,True\r\n";
            post(clinician(), VISITS, file).then().statusCode(200).body("created", is(3)).body("skipped", is(0));

            List<Map<String, Object>> visits = visitsOf(patientId);
            assertThat(visits).extracting(v -> v.get("visitDate") + " " + v.get("bodyWeightKg") + " " + v.get("cdasiActivity")
                    + " " + v.get("dysphagia") + " " + v.get("fingerFlexorWeakness") + " " + v.get("quadricepsWeakness"))
                    .containsExactly("2020-01-05 72.5 18 true false true",
                            "2020-02-05 2.0 0 false false null",
                            "2020-03-05 300.0 100 null null true");

            post(clinician(), VISITS, file).then().statusCode(200).body("created", is(0)).body("skipped", is(3));
            post(clinician(), VISITS, HEADER + patientId + ",2020-01-05,72.5,18,true,false,\r\n").then().statusCode(422)
                    .body("rows[0].column", equalTo("visitDate"))
                    .body("rows[0].message", containsString("already recorded with other values"));
        }

        @Test
        void shouldRefuseEachSideOfEachRangeAndAnyOtherYesNoSpellingAndStoreNothing() throws Exception {
            long patientId = Api.createPatient();
            String file = HEADER
                    + patientId + ",2020-01-05,1.9,-1,,,\r\n"
                    + patientId + ",2020-02-05,300.1,101,,,\r\n"
                    + patientId + ",2020-03-05,70.15,12.5,1,y,unknown\r\n"
                    + patientId + ",2020-04-05,heavy,5,0,,\r\n"
                    + patientId + ",2020-05-05,2.0,0,true,false,no\r\n";
            Counts before = counts();
            JsonPath refusal = post(clinician(), VISITS, file).then().statusCode(422)
                    .contentType("application/problem+json").extract().jsonPath();
            String yesNo = "must be true or false (yes or no also accepted); leave it empty when not recorded";
            assertThat(refusal.getList("rows", Map.class)).extracting(r -> r.get("row") + " " + r.get("column") + " "
                    + r.get("value") + ": " + r.get("message")).containsExactlyInAnyOrder(
                    "2 bodyWeightKg 1.9: must be between 2.0 and 300.0",
                    "2 cdasiActivity -1: must be between 0 and 100",
                    "3 bodyWeightKg 300.1: must be between 2.0 and 300.0",
                    "3 cdasiActivity 101: must be between 0 and 100",
                    "4 bodyWeightKg 70.15: must have at most 1 decimal",
                    "4 cdasiActivity 12.5: must be a whole number between 0 and 100",
                    "4 dysphagia 1: " + yesNo,
                    "4 fingerFlexorWeakness y: " + yesNo,
                    "4 quadricepsWeakness unknown: " + yesNo,
                    "5 bodyWeightKg heavy: must be a number between 2 and 300",
                    "5 dysphagia 0: " + yesNo);
            assertThat(counts()).isEqualTo(before);
            assertThat(visitsOf(patientId)).isEmpty();
        }
    }

    static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    @Nested
    class FileRefusals {

        @Test
        void shouldRefuseUnknownColumnsNamingThem() {
            post(clinician(), VISITS, "patientId,visitDate,MMT8,weight\r\n1,2020-01-05,120,70\r\n").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("rows.row", contains(1, 1))
                    .body("rows.column", contains("MMT8", "weight"))
                    .body("rows[0].message", equalTo("is not a known column; did you mean mmt8? Column names are case-sensitive"))
                    .body("rows[1].message", startsWithText("is not a known column; allowed: patientId, externalId, visitDate,"));
        }

        @Test
        void shouldRefuseARepeatedColumn() {
            post(clinician(), VISITS, "patientId,visitDate,haq,haq\r\n1,2020-01-05,1,1\r\n").then().statusCode(422)
                    .body("rows[0].column", equalTo("haq"))
                    .body("rows[0].message", equalTo("appears twice in the header, as columns 3 and 4"));
        }

        @Test
        void shouldRefuseAFileWithoutARequiredColumn() {
            post(clinician(), VISITS, "patientId,mmt8,mmt8Max\r\n1,120,150\r\n").then().statusCode(422)
                    .body("rows[0].column", equalTo("visitDate"))
                    .body("rows[0].message", equalTo("is a required column"));
            post(clinician(), VISITS, "visitDate,haq\r\n2020-01-05,1\r\n").then().statusCode(422)
                    .body("rows[0].column", equalTo("patientId"))
                    .body("rows[0].message", equalTo("is a required column (or externalId): it names each row's patient"));
        }

        @Test
        void shouldRefuseAnEmptyFile() {
            post(clinician(), VISITS, "").then().statusCode(422)
                    .body("rows[0].row", is(1))
                    .body("rows[0].message", startsWithText("the file is empty: its first row must name the columns"));
        }

        @Test
        void shouldRefuseAFileThatIsNotUtf8() throws Exception {
            long patientId = Api.createPatient();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(("patientId,visitDate,haq,notes\r\n" + patientId + ",2020-01-05,1,ok\r\n"
                    + patientId + ",2020-02-05,1,m").getBytes(StandardCharsets.US_ASCII));
            file.write(0xFC); // "ü" as Windows-1252 writes it
            file.write("de\r\n".getBytes(StandardCharsets.US_ASCII));
            clinician().contentType(CSV_UTF8).body(file.toByteArray()).post(VISITS).then().statusCode(422)
                    .body("rows[0].row", is(3))
                    .body("rows[0].column", equalTo("notes"))
                    .body("rows[0].message", startsWithText("is not UTF-8 text"));
            assertThat(visitsOf(patientId)).isEmpty();
        }

        @Test
        void shouldRefuseMalformedQuoting() {
            long patientId = Api.createPatient();
            post(clinician(), VISITS, "patientId,visitDate,haq,notes\r\n" + patientId + ",2020-01-05,1,\"weak\"x\r\n")
                    .then().statusCode(422)
                    .body("rows[0].row", is(2))
                    .body("rows[0].message", startsWithText("is not valid CSV"));
        }

        @Test
        void shouldRefuseAFileLargerThanTheLimitAnnouncedByItsLength() throws Exception {
            String file = largeFile(Api.createPatient());
            Counts before = counts();
            RawHttp.Response response = RawHttp.postWithLength(VISITS, "clinician", "clinician", "text/csv",
                    file.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("The file is larger than the 1 MB one import takes; split it into smaller files and import each");
            assertThat(counts()).isEqualTo(before);
        }

        @Test
        void shouldRefuseAFileLargerThanTheLimitSentWithoutLengthAndStoreNothing() throws Exception {
            long patientId = Api.createPatient();
            Counts before = counts();
            RawHttp.Response response = RawHttp.postChunked(VISITS, "clinician", "clinician", "text/csv",
                    largeFile(patientId).getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("larger than the 1 MB one import takes");
            assertThat(counts()).isEqualTo(before);
            assertThat(visitsOf(patientId)).isEmpty();
        }

        /**
         * Just over the test limit of 1 MB in valid rows, each short enough that the first two chunks of rows are
         * written before the limit is hit.
         */
        private String largeFile(long patientId) {
            StringBuilder file = new StringBuilder("patientId,visitDate,haq,notes\r\n");
            // Rows of 1 MB / 2.5 chunks: the note, and about 40 characters for the other cells and the line break.
            String notes = "x".repeat((int) (1_000_000 / (2.5 * ImportService.CHUNK_ROWS)) - 40);
            LocalDate date = LocalDate.of(2000, 1, 1);
            for (int i = 0; file.length() <= 1_100_000; i++) {
                file.append(patientId).append(',').append(date.plusDays(i)).append(",1,").append(notes).append("\r\n");
            }
            return file.toString();
        }
    }

    @Nested
    class Access {

        @Test
        void shouldRefuseCoordinatorsAndAdministrators() {
            long patientId = Api.createPatient();
            String file = "patientId,visitDate,haq\r\n" + patientId + ",2020-01-05,1\r\n";
            for (String path : List.of(VISITS, THERAPIES)) {
                post(Api.coordinator(), path, file).then().statusCode(403).contentType("application/problem+json");
                post(Api.admin(), path, file).then().statusCode(403).contentType("application/problem+json");
            }
            assertThat(visitsOf(patientId)).isEmpty();
        }

        @Test
        void shouldAskForCredentials() {
            for (String path : List.of(VISITS, THERAPIES)) {
                RestAssured.given().contentType(CSV_UTF8).body("patientId,visitDate\r\n").post(path).then().statusCode(401)
                        .contentType("application/problem+json");
            }
        }

        @Test
        void shouldRefuseOtherMediaTypesAndCharsets() {
            clinician().body(Map.of("patientId", 1)).post(VISITS).then().statusCode(415)
                    .contentType("application/problem+json");
            clinician().contentType("text/csv; charset=ISO-8859-1").body("patientId,visitDate\r\n".getBytes(StandardCharsets.ISO_8859_1))
                    .post(VISITS).then().statusCode(415)
                    .body("detail", containsString("UTF-8"));
        }
    }

    @Nested
    class Therapies {

        private static final List<String> COLUMNS = THERAPY_COLUMNS;

        private List<Map<String, Object>> therapiesOf(long patientId) {
            return clinician().get("/api/patients/" + patientId + "/therapies?size=500").then().statusCode(200)
                    .extract().jsonPath().using(EXACT_NUMBERS).getList("items");
        }

        @Test
        void shouldImportTherapiesByIdAndByExternalIdAndReadEveryValueBack() {
            long first = Api.createPatient();
            long second = Api.createPatient();
            List<Map<String, String>> rows = List.of(
                    row("patientId", "" + first, "drug", "PREDNISONE", "dose", "60", "doseUnit", "MG", "frequency", "DAILY",
                            "route", "ORAL", "startDate", "2019-02-01", "endDate", "2019-03-14"),
                    row("patientId", "" + first, "drug", "PREDNISONE", "dose", "40", "doseUnit", "MG", "frequency", "DAILY",
                            "route", "ORAL", "startDate", "2019-03-15", "endDate", "2019-06-30", "stopReason", "REMISSION"),
                    row("externalId", externalIdOf(second), "drug", "METHOTREXATE", "dose", "20", "doseUnit", "MG",
                            "frequency", "WEEKLY", "route", "SC", "startDate", "2019-02-01"),
                    row("patientId", "" + second, "drug", "OTHER", "drugName", "Folic acid", "dose", "5.125",
                            "doseUnit", "MG", "frequency", "WEEKLY", "route", "ORAL", "startDate", "2019-02-01"));
            post(clinician(), THERAPIES, csv(COLUMNS, rows)).then().statusCode(200)
                    .body("created", is(4)).body("skipped", is(0)).body("rows", is(4));

            List<Map<String, Object>> stored = new ArrayList<>(therapiesOf(first));
            stored.addAll(therapiesOf(second));
            assertThat(stored).hasSize(4);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                Map<String, Object> therapy = stored.stream().filter(t -> t.get("drug").equals(row.get("drug"))
                        && t.get("startDate").equals(row.get("startDate"))).findFirst().orElseThrow();
                for (String field : List.of("drug", "drugName", "doseUnit", "frequency", "route", "startDate", "endDate", "stopReason")) {
                    assertThat(therapy.get(field)).as(field + " of row " + (i + 2)).isEqualTo(row.get(field));
                }
                assertThat((BigDecimal) therapy.get("dose")).isEqualByComparingTo(row.get("dose"));
            }
            Api.admin().get("/api/patients/" + second + "/audit").then()
                    .body("items.entityType", contains("PATIENT", "THERAPY", "THERAPY"));
        }

        @Test
        void shouldSkipTherapiesAlreadyRecordedSoThatImportingAgainChangesNothing() throws Exception {
            long patientId = Api.createPatient();
            clinician().body(Map.of("drug", "PREDNISONE", "dose", 60, "doseUnit", "MG", "frequency", "DAILY", "route", "ORAL",
                    "startDate", "2019-02-01")).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
            String file = "patientId,drug,dose,doseUnit,frequency,route,startDate\r\n"
                    + patientId + ",PREDNISONE,60,MG,DAILY,ORAL,2019-02-01\r\n"
                    + patientId + ",AZATHIOPRINE,150,MG,DAILY,ORAL,2019-04-01\r\n";
            post(clinician(), THERAPIES, file).then().statusCode(200).body("created", is(1)).body("skipped", is(1));
            Counts before = counts();
            post(clinician(), THERAPIES, file).then().statusCode(200).body("created", is(0)).body("skipped", is(2));
            assertThat(counts()).isEqualTo(before);
        }

        @Test
        void shouldRefuseTherapiesAsTheRestEndpointRefusesThemAndStoreNothing() throws Exception {
            long patientId = Api.createPatient();
            Counts before = counts();
            post(clinician(), THERAPIES, "patientId,drug,drugName,dose,doseUnit,startDate,endDate,stopReason\r\n"
                    + patientId + ",PREDNISONE,,60,MG,2019-02-01,2019-01-15,\r\n"
                    + patientId + ",OTHER,,5,MG,2019-02-01,,\r\n"
                    + patientId + ",PRED,,5,MG,2019-02-01,,\r\n"
                    + patientId + ",METHOTREXATE,,15,,2019-02-01,,INEFFICACY\r\n"
                    + patientId + ",AZATHIOPRINE,,150,MG,2019-02-01,,\r\n").then().statusCode(422)
                    .body("rows.row", contains(2, 3, 4, 5, 5))
                    .body("rows.column", contains("endDate", "drugName", "drug", "stopReason", "doseUnit"))
                    .body("rows.message", contains("must be on or after startDate 2019-02-01",
                            "is required when drug is OTHER",
                            "must be one of PREDNISONE, PREDNISOLONE, METHYLPREDNISOLONE, DEXAMETHASONE, HYDROCORTISONE,"
                                    + " DEFLAZACORT, METHOTREXATE, AZATHIOPRINE, MYCOPHENOLATE, TACROLIMUS, CICLOSPORIN, IVIG,"
                                    + " SCIG, RITUXIMAB, ABATACEPT, TOCILIZUMAB, INFLIXIMAB, ETANERCEPT, ADALIMUMAB, TOFACITINIB,"
                                    + " BARICITINIB, UPADACITINIB, RUXOLITINIB, CYCLOPHOSPHAMIDE, HYDROXYCHLOROQUINE,"
                                    + " REPOSITORY_CORTICOTROPIN, OTHER",
                            "needs an endDate: an ongoing therapy has no stop reason",
                            "is required with a dose; one of MG, G, MG_PER_KG, G_PER_KG, MG_PER_M2, UNITS"));
            assertThat(counts()).isEqualTo(before);
        }

        @Test
        void shouldRefuseADrugAndStartDateAlreadyRecordedWithOtherValuesOrTwiceInTheFile() {
            long patientId = Api.createPatient();
            clinician().body(Map.of("drug", "PREDNISONE", "dose", 60, "doseUnit", "MG", "startDate", "2019-02-01"))
                    .post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
            post(clinician(), THERAPIES, "patientId,drug,dose,doseUnit,startDate\r\n"
                    + patientId + ",PREDNISONE,40,MG,2019-02-01\r\n"
                    + patientId + ",METHOTREXATE,15,MG,2019-02-01\r\n"
                    + patientId + ",METHOTREXATE,20,MG,2019-02-01\r\n").then().statusCode(422)
                    .body("rows.row", contains(2, 4))
                    .body("rows.message", contains(
                            "a PREDNISONE therapy from 2019-02-01 is already recorded with other values; edit it instead",
                            "row 3 already has this patient's METHOTREXATE from 2019-02-01: one entry per drug and start date"));
            assertThat(therapiesOf(patientId)).hasSize(1);
        }
    }
}
