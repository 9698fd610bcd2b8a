package org.myotrack.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.WebSession;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WebPagesTest {

    @Test
    void shouldSendVisitorWithoutSessionToLoginPage() {
        RestAssured.given().redirects().follow(false).get("/clinic").then().statusCode(302)
                .header("Location", endsWith("/login"));
        RestAssured.given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"j_username\">User name</label>"));
    }

    @Test
    void shouldLandEachRoleOnItsOwnStartPage() {
        WebSession.login("clinician").request().get("/").then().statusCode(303).header("Location", endsWith("/clinic"));
        WebSession.login("coordinator").request().get("/").then().statusCode(303).header("Location", endsWith("/cohort"));
        WebSession.login("admin").request().get("/").then().statusCode(303).header("Location", endsWith("/clinic"));
    }

    @Test
    void shouldLetAdministratorReadPatientPagesAndCohortButEnterNothing() {
        WebSession admin = WebSession.login("admin");
        long id = idOf("P000010");
        String page = admin.request().get("/clinic/patients/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("P000010").doesNotContain("New visit");
        admin.request().get("/clinic/patients/" + id + "/visits/new").then().statusCode(403);
        admin.request().get("/cohort").then().statusCode(200);
        assertThat(admin.request().get("/clinic").then().statusCode(200).extract().asString())
                .contains("DEMO-A").contains("DEMO-B").doesNotContain("New patient");
    }

    @Test
    void shouldListOwnSitePatientsWithFlagBadges() {
        String page = WebSession.login("clinician").request().get("/clinic?q=P000005").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains(">P000005</a>").contains("Inadequate response").contains("badge refractory");
    }

    @Nested
    class RestApi {

        @Test
        void shouldKeepAnsweringWithoutCredentialsWith401ProblemNotRedirect() {
            RestAssured.given().redirects().follow(false).get("/api/patients").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", containsString("Basic"));
        }

        @Test
        void shouldNotAcceptPageSessionInPlaceOfBasic() {
            WebSession.login("clinician").request().get("/api/patients").then().statusCode(401)
                    .contentType("application/problem+json");
        }

        @Test
        void shouldStillAcceptBasic() {
            Api.clinician().get("/api/patients?size=1").then().statusCode(200).header("Set-Cookie", equalTo(null));
        }
    }

    @Test
    void shouldRefuseAPageNumberOfTheListThatIsNotAWholeNumberFromZeroToAMillion() {
        WebSession clinician = WebSession.login("clinician");
        for (String page : new String[] {"-1", "abc", "1.5", "1000001", "99999999999"}) {
            String shown = clinician.request().get("/clinic?page=" + page).then().statusCode(400).extract().asString();
            assertThat(shown).as("page=%s", page)
                    .contains("id=\"page-error\">The address's <code>page</code> must be a whole number between 0 and 1000000.")
                    .doesNotContain("class=\"patients\"");
        }
        // With more than one page of patients: page=001 is page 2, with other patients than page 1, and a page past
        // the last shows none.
        for (int i = 0; i <= ClinicPages.PAGE_SIZE; i++) {
            Api.createPatient();
        }
        String first = clinician.request().get("/clinic?page=0").then().statusCode(200).extract().asString();
        String second = clinician.request().get("/clinic?page=001").then().statusCode(200).extract().asString();
        assertThat(first).contains("Page 1 of");
        // An empty page= is no page number, the first page, as the API reads it.
        assertThat(clinician.request().get("/clinic?page=").then().statusCode(200).extract().asString()).contains("Page 1 of");
        assertThat(second).contains("Page 2 of").doesNotContain("id=\"page-error\"");
        assertThat(registryCodes(second)).isNotEmpty().doesNotContainAnyElementsOf(registryCodes(first));
        assertThat(clinician.request().get("/clinic?page=1000000").then().statusCode(200).extract().asString())
                .contains("No patient matches.");
    }

    private static List<String> registryCodes(String listPage) {
        return Pattern.compile(">(P\\d{6})</a>").matcher(listPage).results().map(m -> m.group(1)).toList();
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseWrongPasswordBackToLoginPage() {
            String csrf = RestAssured.given().get("/login").then().extract().cookie(WebSession.CSRF_COOKIE);
            RestAssured.given().redirects().follow(false).cookie(WebSession.CSRF_COOKIE, csrf).queryParam("csrf-token", csrf)
                    .formParam("j_username", "clinician").formParam("j_password", "wrong").post("/j_security_check")
                    .then().statusCode(303).header("Location", endsWith("/login?error=true"))
                    .header("Set-Cookie", not(containsString(WebSession.SESSION_COOKIE)));
        }

        @Test
        void shouldRefuseLoginPostedWithoutToken() {
            RestAssured.given().redirects().follow(false).formParam("j_username", "clinician")
                    .formParam("j_password", "clinician").post("/j_security_check")
                    .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        }

        @Test
        void shouldRefuseFormPostedWithoutToken() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            session.request().contentType("application/x-www-form-urlencoded").formParam("visitDate", "2024-01-10")
                    .formParam("physicianGlobalActivity", "3").post("/clinic/patients/" + patientId + "/visits")
                    .then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("This form has expired"));
            Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(0));
        }

        @Test
        void shouldAnswerUnknownPageAddressWithPageAndUnknownApiAddressWithProblem() {
            WebSession session = WebSession.login("clinician");
            session.request().get("/clinic/patients/not-a-number").then().statusCode(404)
                    .contentType(containsString("text/html")).body(containsString("Not found"));
            Api.clinician().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void shouldShowCoordinatorThatClinicPagesAreNotForTheRole() {
            WebSession.login("coordinator").request().get("/clinic").then().statusCode(403)
                    .contentType(containsString("text/html")).body(containsString("Not allowed"));
        }

        @Test
        void shouldHideAnotherSitesPatientAsNotFound() {
            long patientId = Api.createPatient();
            WebSession.login("clinician-b").request().get("/clinic/patients/" + patientId).then().statusCode(404)
                    .contentType(containsString("text/html")).body(containsString("Not found"));
        }
    }

    @Nested
    class PatientPage {

        @Test
        void shouldShowChartVisitsWithScoresFlagsTherapiesAndReportOfDemoPatient() {
            WebSession session = WebSession.login("clinician");
            long id = idOf("P000005");
            String page = session.request().get("/clinic/patients/" + id).then().statusCode(200).extract().asString();
            assertThat(page).contains("<img class=\"chart\" src=\"/clinic/patients/" + id + "/trend.png?")
                    .contains("Inadequate response").contains("Evidence (").contains("Oddis")
                    .contains("Therapy timeline").contains("href=\"/clinic/patients/" + id + "/report.pdf\"")
                    .contains("baseline").containsPattern("<span class=\"response (none|minimal|moderate|major|incomplete|not-validated)\">");
            byte[] png = session.request().get("/clinic/patients/" + id + "/trend.png").then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            byte[] pdf = session.request().get("/clinic/patients/" + id + "/report.pdf").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        @Test
        void shouldNotStreamAnotherSitesChart() {
            WebSession.login("clinician-b").request().get("/clinic/patients/" + idOf("P000005") + "/trend.png")
                    .then().statusCode(404).contentType(containsString("text/html"));
        }
    }

    @Nested
    class VisitSheet {

        @Test
        void shouldPrefillUpperLimitsWithTheSitesLastRecordedOnes() {
            long patientId = Api.createPatient();
            java.util.Map<String, Object> visit = Api.visitBody("2024-02-01");
            visit.put("enzymes", java.util.List.of(java.util.Map.of("test", "CK", "value", 900, "uln", 321, "unit", "U/L"),
                    java.util.Map.of("test", "ALDOLASE", "value", 9, "uln", 7.5, "unit", "U/L")));
            Api.clinician().body(visit).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
            String form = WebSession.login("clinician").request().get("/clinic/patients/" + patientId + "/visits/new")
                    .then().statusCode(200).extract().asString();
            assertThat(form).contains("id=\"ckUln\" name=\"ckUln\" type=\"number\" step=\"any\" min=\"0\" value=\"321\"")
                    .contains("id=\"aldolaseUln\" name=\"aldolaseUln\" type=\"number\" step=\"any\" min=\"0\" value=\"7.5\"")
                    .contains("id=\"ck\" name=\"ck\" type=\"number\" step=\"any\" min=\"0\" value=\"\"");
        }

        @Test
        void shouldShowRefusalBesideItsInputAndKeepWhatWasTyped() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            String page = session.form().formParam("visitDate", "2024-03-01").formParam("physicianGlobalActivity", "5.5")
                    .formParam("mmt8", "170").formParam("mmt8Max", "150").formParam("haq", "1.25")
                    .formParam("ck", "2400").formParam("ckUln", "200").formParam("ckUnit", "U/L")
                    .post("/clinic/patients/" + patientId + "/visits").then().statusCode(400).extract().asString();
            assertThat(page).contains("<span class=\"error\" id=\"mmt8-error\">must be between 0 and 150</span>")
                    .contains("id=\"mmt8\" name=\"mmt8\" type=\"number\" step=\"1\" min=\"0\" max=\"150\" value=\"170\"")
                    .contains("value=\"5.5\"").contains("value=\"1.25\"").contains("value=\"2400\"")
                    .doesNotContain("physicianGlobalActivity-error");
            Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(0));
        }

        @Test
        void shouldPutEnzymeRefusalBesideItsUpperLimit() {
            long patientId = Api.createPatient();
            String page = WebSession.login("clinician").form().formParam("visitDate", "2024-03-01")
                    .formParam("ldh", "600").formParam("ldhUln", "").formParam("ldhUnit", "U/L")
                    .post("/clinic/patients/" + patientId + "/visits").then().statusCode(400).extract().asString();
            assertThat(page).contains("id=\"ldhUln-error\">is required: an enzyme value needs the lab&#39;s upper limit of normal");
        }

        @Test
        void shouldSaveVisitAndReturnToThePatient() {
            long patientId = Api.createPatient();
            WebSession.login("clinician").form().formParam("visitDate", "2024-03-01").formParam("mmt8", "120")
                    .formParam("mmt8Max", "150").formParam("ck", "2400").formParam("ckUln", "200").formParam("ckUnit", "U/L")
                    .formParam("aldolaseUln", "7.5").post("/clinic/patients/" + patientId + "/visits")
                    .then().statusCode(303).header("Location", endsWith("/clinic/patients/" + patientId + "#visits"));
            Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(1))
                    .body("items[0].mmt8", equalTo(120)).body("items[0].enzymes.size()", equalTo(1))
                    .body("items[0].enzymes[0].uln", equalTo(200.0f));
        }

        @Test
        void shouldSayThatSomeoneElseChangedTheVisitAndKeepTheEntries() {
            long patientId = Api.createPatient();
            long visitId = Api.createVisit(patientId, "2024-01-10");
            java.util.Map<String, Object> changed = Api.visitBody("2024-01-10");
            changed.put("version", 0);
            changed.put("mmt8", 110);
            Api.clinician().body(changed).put("/api/visits/" + visitId).then().statusCode(200);
            String page = WebSession.login("clinician").form().formParam("version", "0").formParam("visitDate", "2024-01-10")
                    .formParam("mmt8", "131").formParam("mmt8Max", "150")
                    .post("/clinic/patients/" + patientId + "/visits/" + visitId).then().statusCode(409).extract().asString();
            assertThat(page).contains("Someone else changed this visit").contains("value=\"131\"")
                    .contains("<input type=\"hidden\" name=\"version\" value=\"1\">");
            Api.clinician().get("/api/visits/" + visitId).then().body("mmt8", equalTo(110));
        }
    }

    /** The rules version 2 inputs on the visit sheet, the new-patient form and the patient page. */
    @Nested
    class RulesV2Inputs {

        /** The select of that name, from its opening tag to its closing one. */
        private String select(String page, String name) {
            int start = page.indexOf("<select id=\"" + name + "\"");
            assertThat(start).as("select " + name).isNotNegative();
            return page.substring(start, page.indexOf("</select>", start));
        }

        @Test
        void shouldOfferTheNewVisitInputsWithClinicalLabelsAndNotRecordedFirst() {
            long patientId = Api.createPatient();
            String form = WebSession.login("clinician").request().get("/clinic/patients/" + patientId + "/visits/new")
                    .then().statusCode(200).extract().asString();
            assertThat(form).contains(">Body weight (kg)</label>").contains(">CDASI activity (0–100)</label>")
                    .contains(">Dysphagia</label>").contains(">Finger flexion weaker than shoulder abduction</label>")
                    .contains(">Knee extension weakness ≥ hip flexion weakness</label>");
            for (String finding : List.of("dysphagia", "fingerFlexorWeakness", "quadricepsWeakness")) {
                assertThat(select(form, finding)).contains("<option value=\"\">Not recorded</option><option value=\"true\">Yes</option>"
                        + "<option value=\"false\">No</option>").doesNotContain("selected");
            }
            assertThat(form).doesNotContain("type=\"checkbox\" name=\"dysphagia\"");
        }

        @Test
        void shouldSaveTheNewVisitInputsShowThemOnThePatientPageAndPutThemBackForCorrection() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            // No MMT-8, but the scale as the sheet always sends it: a visit of the new inputs alone is saved.
            session.form().formParam("visitDate", "2024-03-01").formParam("mmt8Max", "150")
                    .formParam("bodyWeightKg", "72,5").formParam("cdasiActivity", "18").formParam("dysphagia", "true")
                    .formParam("fingerFlexorWeakness", "false").formParam("quadricepsWeakness", "")
                    .post("/clinic/patients/" + patientId + "/visits").then().statusCode(303);
            var stored = Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(1))
                    .body("items[0].bodyWeightKg", equalTo(72.5f)).body("items[0].cdasiActivity", equalTo(18))
                    .body("items[0].dysphagia", equalTo(true)).body("items[0].fingerFlexorWeakness", equalTo(false))
                    .body("items[0].quadricepsWeakness", org.hamcrest.Matchers.nullValue()).extract().jsonPath();

            String page = session.request().get("/clinic/patients/" + patientId).then().statusCode(200).extract().asString();
            assertThat(page).contains("<td class=\"num\">72.5</td><td class=\"num\">18</td><td>dysphagia yes; FF &gt; SA no</td>")
                    .contains("<dt>Statin exposure</dt><dd>Unknown</dd>");

            String edit = session.request().get("/clinic/patients/" + patientId + "/visits/" + stored.getLong("items[0].id")
                    + "/edit").then().statusCode(200).extract().asString();
            assertThat(edit).contains("id=\"bodyWeightKg\" name=\"bodyWeightKg\" type=\"number\" value=\"72.5\"")
                    .contains("id=\"cdasiActivity\" name=\"cdasiActivity\" type=\"number\" value=\"18\"");
            assertThat(select(edit, "dysphagia")).contains("<option value=\"true\" selected>Yes</option>");
            assertThat(select(edit, "fingerFlexorWeakness")).contains("<option value=\"false\" selected>No</option>");
            assertThat(select(edit, "quadricepsWeakness")).doesNotContain("selected");
        }

        @Test
        void shouldRefuseOutOfRangeWeightAndCdasiBesideTheirInputsAndSaveNothing() {
            long patientId = Api.createPatient();
            String page = WebSession.login("clinician").form().formParam("visitDate", "2024-03-01")
                    .formParam("bodyWeightKg", "300.1").formParam("cdasiActivity", "101").formParam("dysphagia", "maybe")
                    .post("/clinic/patients/" + patientId + "/visits").then().statusCode(400).extract().asString();
            assertThat(page).contains("<span class=\"error\" id=\"bodyWeightKg-error\">must be between 2.0 and 300.0</span>")
                    .contains("<span class=\"error\" id=\"cdasiActivity-error\">must be between 0 and 100</span>")
                    .contains("<span class=\"error\" id=\"dysphagia-error\">must be Yes, No or Not recorded</span>")
                    .contains("value=\"300.1\"").contains("value=\"101\"");
            Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(0));
        }

        @Test
        void shouldRegisterStatinExposureFromThePatientFormWithWordsNotCodes() {
            WebSession session = WebSession.login("clinician");
            String form = session.request().get("/clinic/patients/new").then().statusCode(200).extract().asString();
            assertThat(select(form, "statinExposure")).contains("<option value=\"NEVER\">Never</option>")
                    .contains("<option value=\"PAST\">Past</option>").contains("<option value=\"CURRENT\">Current</option>")
                    .contains("<option value=\"UNKNOWN\" selected>Unknown</option>");
            assertThat(form).contains(">Statin exposure</label>").contains(">Statin start date</label>");

            String externalId = Api.uniqueExternalId();
            String refused = session.form().formParam("externalId", externalId).formParam("sex", "FEMALE")
                    .formParam("birthDate", "1960-04-02").formParam("diagnosis", "IMNM").formParam("statinExposure", "NEVER")
                    .formParam("statinStartDate", "2015-03-01").post("/clinic/patients").then().statusCode(400)
                    .extract().asString();
            assertThat(refused).contains("id=\"statinStartDate-error\">must be empty when statinExposure is NEVER")
                    .contains("<option value=\"NEVER\" selected>Never</option>").contains("value=\"2015-03-01\"");
            String future = session.form().formParam("externalId", externalId).formParam("sex", "FEMALE")
                    .formParam("birthDate", "1960-04-02").formParam("diagnosis", "IMNM").formParam("statinExposure", "CURRENT")
                    .formParam("statinStartDate", java.time.LocalDate.now().plusDays(1).toString()).post("/clinic/patients")
                    .then().statusCode(400).extract().asString();
            assertThat(future).contains("id=\"statinStartDate-error\">must not be in the future");

            String location = session.form().formParam("externalId", externalId).formParam("sex", "FEMALE")
                    .formParam("birthDate", "1960-04-02").formParam("diagnosis", "IMNM").formParam("statinExposure", "CURRENT")
                    .formParam("statinStartDate", "2015-03-01").post("/clinic/patients").then().statusCode(303)
                    .extract().header("Location");
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            Api.clinician().get("/api/patients/" + id).then().body("statinExposure", equalTo("CURRENT"))
                    .body("statinStartDate", equalTo("2015-03-01"));
            String page = session.request().get("/clinic/patients/" + id).then().statusCode(200).extract().asString();
            assertThat(page).contains("<dt>Statin exposure</dt><dd>Current, started 2015-03-01</dd>");
        }
    }

    @Nested
    class OtherRecords {

        @Test
        void shouldRegisterPatientFromTheFormAndRefuseBesideTheFields() {
            WebSession session = WebSession.login("clinician");
            String refused = session.form().formParam("externalId", "MRN 1").formParam("birthDate", "2090-01-01")
                    .formParam("diagnosis", "PM").formParam("antibody1", "JO1").formParam("result1", "POSITIVE")
                    .formParam("testDate1", "not a date").post("/clinic/patients").then().statusCode(400).extract().asString();
            assertThat(refused).contains("id=\"externalId-error\">must contain only letters, digits and . _ / -")
                    .contains("id=\"birthDate-error\">must not be in the future")
                    .contains("id=\"sex-error\">is required").contains("id=\"testDate1-error\">must be a date (YYYY-MM-DD)")
                    .contains("value=\"MRN 1\"");
            String externalId = Api.uniqueExternalId();
            String location = session.form().formParam("externalId", externalId).formParam("sex", "MALE")
                    .formParam("birthDate", "1970-04-02").formParam("diagnosis", "DM").formParam("antibody0", "MDA5")
                    .formParam("result0", "POSITIVE").formParam("testDate0", "2020-01-02").formParam("ild", "true")
                    .post("/clinic/patients").then().statusCode(303).extract().header("Location");
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            Api.clinician().get("/api/patients/" + id).then().body("externalId", equalTo(externalId))
                    .body("siteCode", equalTo("DEMO-A")).body("ild", equalTo(true))
                    .body("autoantibodies[0].antibody", equalTo("MDA5"));
        }

        @Test
        void shouldRecordTherapyAndRefuseStopReasonWithoutEnd() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            String refused = session.form().formParam("drug", "METHOTREXATE").formParam("dose", "20").formParam("doseUnit", "MG")
                    .formParam("frequency", "WEEKLY").formParam("route", "ORAL").formParam("startDate", "2024-01-01")
                    .formParam("stopReason", "INEFFICACY").post("/clinic/patients/" + patientId + "/therapies")
                    .then().statusCode(400).extract().asString();
            assertThat(refused).contains("id=\"stopReason-error\">needs an endDate");
            session.form().formParam("drug", "METHOTREXATE").formParam("dose", "20").formParam("doseUnit", "MG")
                    .formParam("frequency", "WEEKLY").formParam("route", "ORAL").formParam("startDate", "2024-01-01")
                    .post("/clinic/patients/" + patientId + "/therapies").then().statusCode(303);
            Api.clinician().get("/api/patients/" + patientId + "/therapies").then().body("items[0].drug", equalTo("METHOTREXATE"));
        }

        @Test
        void shouldRecordInvestigationAndRefuseFindingOfAnotherType() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            String refused = session.form().formParam("date", "2024-01-01").formParam("type", "MRI")
                    .formParam("findings", "RIMMED_VACUOLES").post("/clinic/patients/" + patientId + "/investigations")
                    .then().statusCode(400).extract().asString();
            assertThat(refused).contains("id=\"findings-error\">RIMMED_VACUOLES is not a finding of MRI");
            session.form().formParam("date", "2024-01-01").formParam("type", "MRI").formParam("findings", "MUSCLE_EDEMA")
                    .formParam("findings", "ATROPHY").post("/clinic/patients/" + patientId + "/investigations")
                    .then().statusCode(303);
            Api.clinician().get("/api/patients/" + patientId + "/investigations").then()
                    .body("items[0].findings.size()", equalTo(2));
        }
    }

    @Nested
    class CohortPage {

        @Test
        void shouldShowCountsChartsAndEveryExportWithItsKAnonymityNoteButNoIdentifier() {
            WebSession session = WebSession.login("coordinator");
            String page = session.request().get("/cohort?diagnosis=&refractory=true").then().statusCode(200).extract().asString();
            assertThat(page).contains("id=\"count-patients\">").contains("Smallest group over site, sex, birth year and diagnosis")
                    .contains("href=\"/cohort/export?format=csv&amp;refractory=true\"")
                    .contains("href=\"/cohort/export?format=csv-wide&amp;refractory=true\"")
                    .contains("href=\"/cohort/export?format=ndjson&amp;refractory=true\"")
                    .contains("href=\"/cohort/export?format=fhir&amp;refractory=true\"")
                    .contains("src=\"/cohort/charts/therapy-swimmer.png?refractory=true\"");
            java.util.List<String> externalIds = Api.externalIdsToLookFor();
            assertThat(externalIds).isNotEmpty().allSatisfy(externalId -> assertThat(page).doesNotContain(externalId));
            assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }

        @Test
        void shouldCountEachExportsRowsOnlyWhenAskedAsTheExportsThenAnnounceThem() {
            WebSession session = WebSession.login("coordinator");
            String page = session.request().get("/cohort?diagnosis=DM").then().statusCode(200).extract().asString();
            assertThat(page).contains("href=\"/cohort?diagnosis=DM&amp;counts=true#exports\"").doesNotContain("data-rows-of=");

            String counted = session.request().get("/cohort?diagnosis=DM&counts=true").then().statusCode(200).extract().asString();
            assertThat(counted).doesNotContain("id=\"count-rows\"");
            for (String format : java.util.List.of("csv", "csv-wide", "ndjson", "fhir")) {
                String announced = Api.coordinator().queryParam("format", format).queryParam("diagnosis", "DM")
                        .get("/api/cohort/export").then().statusCode(200).extract().header("X-Total-Count");
                assertThat(Long.parseLong(announced)).as(format).isPositive();
                assertThat(counted).as(format).contains("data-rows-of=\"" + format + "\">" + announced + " data rows.");
            }
        }

        @Test
        void shouldNotCountAnExportItCannotOffer() {
            String counted = WebSession.login("coordinator").request().get("/cohort?dates=relative&counts=true").then()
                    .statusCode(200).extract().asString();
            assertThat(counted).contains("data-rows-of=\"csv\"").doesNotContain("data-rows-of=\"fhir\"")
                    .contains("Not available: dates must be shifted for the fhir format");
        }

        @Test
        void shouldRefuseACountsValueOtherThanTrueOrFalse() {
            WebSession session = WebSession.login("coordinator");
            String page = session.request().get("/cohort?diagnosis=DM&counts=yes").then().statusCode(400).extract().asString();
            assertThat(page).contains("id=\"counts-error\">The address's <code>counts</code> must be true or false.")
                    .doesNotContain("data-rows-of=").doesNotContain("id=\"count-patients\"");
            String uncounted = session.request().get("/cohort?diagnosis=DM&counts=false").then().statusCode(200)
                    .extract().asString();
            assertThat(uncounted).contains("id=\"count-rows\"").doesNotContain("data-rows-of=")
                    .doesNotContain("id=\"counts-error\"");
        }

        @Test
        void shouldRefuseAPageNumberThatIsNotAWholeNumberFromZeroToAMillion() {
            WebSession session = WebSession.login("coordinator");
            for (String page : new String[] {"-1", "abc", "1000001"}) {
                String shown = session.request().get("/cohort?diagnosis=DM&page=" + page).then().statusCode(400)
                        .extract().asString();
                assertThat(shown).as("page=%s", page)
                        .contains("id=\"page-error\">The address's <code>page</code> must be a whole number between 0 and 1000000.")
                        .doesNotContain("id=\"count-patients\"");
            }
            assertThat(session.request().get("/cohort?diagnosis=DM&page=0").then().statusCode(200).extract().asString())
                    .contains("id=\"count-patients\"").doesNotContain("id=\"page-error\"");
        }

        @Test
        void shouldShowUnknownFilterValueBesideItsField() {
            String page = WebSession.login("coordinator").request().get("/cohort?flag=NOT_A_FLAG").then().statusCode(400)
                    .extract().asString();
            assertThat(page).contains("id=\"flag-error\">must be one of INADEQUATE_RESPONSE");
        }

        @Test
        void shouldDownloadExportWithTheHeadersOfTheApi() {
            WebSession.login("coordinator").request().get("/cohort/export?format=csv&diagnosis=DM").then().statusCode(200)
                    .contentType(containsString("text/csv")).header("X-K-Anonymity-Note", containsString("Smallest group"))
                    .header("Content-Disposition", containsString("cohort.csv"))
                    .body(org.hamcrest.Matchers.startsWith("pseudonym,"));
        }

        @Test
        void shouldDrawCohortChartsForThePage() {
            WebSession.login("coordinator").request().get("/cohort/charts/response-over-time.png?diagnosis=DM")
                    .then().statusCode(200).contentType("image/png")
                    // Kept by the browser across the page's pages of rows, and never by a shared cache.
                    .header("Cache-Control", "private, max-age=300");
            WebSession.login("clinician").request().get("/cohort/charts/response-over-time.png")
                    .then().statusCode(403).contentType(containsString("text/html"));
        }
    }

    @Test
    void shouldSignOutAndEndTheSession() {
        WebSession session = WebSession.login("clinician");
        session.form().post("/logout").then().statusCode(303).header("Location", endsWith("/login?signed-out=true"))
                .header("Set-Cookie", containsString(WebSession.SESSION_COOKIE + "=;"));
        RestAssured.given().redirects().follow(false).get("/login?signed-out=true").then().statusCode(200)
                .body(containsString("You are signed out."));
    }

    /** Id of a demo patient, by registry code. */
    static long idOf(String registryCode) {
        return Api.admin().get("/api/patients?size=500").then().extract().jsonPath()
                .getLong("items.find { it.registryCode == '" + registryCode + "' }.id");
    }
}
