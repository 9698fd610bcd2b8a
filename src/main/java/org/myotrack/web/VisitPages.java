package org.myotrack.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.myotrack.common.PageRequest;
import org.myotrack.common.ProblemException;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeReference;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;
import org.myotrack.visit.VisitView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visit form, laid out like the IMACS core-set sheet, for a new visit and for correcting one. Refusals from
 * the checks and the service are shown beside the inputs with what was typed kept; a correction made stale by
 * someone else's edit says so.
 */
@WebPage
@Path("/clinic/patients/{id: \\d+}/visits")
@Produces(MediaType.TEXT_HTML)
public class VisitPages extends WebResource {

    private static final Pattern ENZYME_FIELD = Pattern.compile("enzymes\\[(\\d+)]\\.?(.*)");

    @Inject
    VisitService visits;

    @Inject
    PatientService patients;

    @Inject
    CurrentActor actor;

    @Inject
    RequestChecks checks;

    @Inject
    Clock clock;

    /** One enzyme line of the sheet and the names of its inputs (as in the CSV import: ck, ckUln, ckUnit). */
    public record EnzymeLine(String test, String label, String value, String uln, String unit) {

        static EnzymeLine of(EnzymeTest test) {
            String name = test.name().toLowerCase(Locale.ROOT);
            String label = test == EnzymeTest.ALDOLASE ? "Aldolase" : test.name();
            return new EnzymeLine(test.name(), label, name, name + "Uln", name + "Unit");
        }
    }

    static final List<EnzymeLine> ENZYME_LINES = Arrays.stream(EnzymeTest.values()).map(EnzymeLine::of).toList();

    /** The form's context: whose visit, where it posts, and whether it corrects a stored visit. */
    public record VisitSheet(long patientId, String registryCode, String action, boolean correcting,
                             List<EnzymeLine> enzymes) {
    }

    @GET
    @Path("/new")
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response newVisit(@PathParam("id") long patientId) {
        Actor current = actor.get();
        PatientView patient = readablePatient(current, patientId);
        FormState form = FormState.empty().set("visitDate", LocalDate.now(clock)).set("mmt8Max", lastMmt8Scale(current, patientId));
        Map<EnzymeTest, EnzymeReference> references = visits.lastEnzymeReferencesAtSite(current);
        for (EnzymeLine line : ENZYME_LINES) {
            EnzymeReference reference = references.get(EnzymeTest.valueOf(line.test()));
            form.set(line.uln(), reference == null ? null : PatientPages.number(reference.uln()));
            form.set(line.unit(), reference == null ? VisitService.DEFAULT_ENZYME_UNIT : reference.unit());
        }
        return sheet(patient, "/clinic/patients/" + patientId + "/visits", false, form, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response recordVisit(@PathParam("id") long patientId) {
        Actor current = actor.get();
        PatientView patient = readablePatient(current, patientId);
        FormInput input = FormInput.current();
        List<EnzymeTest> sent = new ArrayList<>();
        VisitRequest request = request(input, sent);
        Function<String, String> inputOf = field -> inputOfVisitField(field, sent);
        if (checks.check(request, input, inputOf) && !input.state().hasErrors()) {
            try {
                visits.recordVisit(current, patientId, request);
                return seeOther("/clinic/patients/" + patientId + "#visits");
            } catch (ProblemException refused) {
                refuse(refused, input, inputOf);
            }
        }
        return sheet(patient, "/clinic/patients/" + patientId + "/visits", false, input.state(), 400);
    }

    @GET
    @Path("/{visitId: \\d+}/edit")
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response editVisit(@PathParam("id") long patientId, @PathParam("visitId") long visitId) {
        Actor current = actor.get();
        VisitView visit = visits.findVisitById(current, visitId).filter(v -> v.patientId() == patientId)
                .orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
        PatientView patient = readablePatient(current, visit.patientId());
        return sheet(patient, "/clinic/patients/" + patientId + "/visits/" + visitId, true, stored(visit), 200);
    }

    @POST
    @Path("/{visitId: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response correctVisit(@PathParam("id") long patientId, @PathParam("visitId") long visitId) {
        Actor current = actor.get();
        VisitView visit = visits.findVisitById(current, visitId).filter(v -> v.patientId() == patientId)
                .orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
        PatientView patient = readablePatient(current, visit.patientId());
        FormInput input = FormInput.current();
        List<EnzymeTest> sent = new ArrayList<>();
        VisitRequest request = request(input, sent);
        Function<String, String> inputOf = field -> inputOfVisitField(field, sent);
        boolean stale = false;
        if (checks.check(request, input, inputOf) && !input.state().hasErrors()) {
            try {
                visits.updateVisit(current, visitId, request);
                return seeOther("/clinic/patients/" + visit.patientId() + "#visits");
            } catch (ProblemException refused) {
                VisitView now = visits.findVisitById(current, visitId).orElseThrow(() -> refused);
                stale = refused.status() == 409 && request.version() != null && now.version() != request.version();
                if (stale) {
                    // Keep what the user typed, and take the stored version: saving again replaces the other edit
                    // knowingly, after the user has seen this message.
                    input.state().notice("Someone else changed this visit while you were editing it. Your entries are "
                            + "kept below; check them against the stored visit (open it again in another tab to see it) "
                            + "and save again to replace it.").set("version", now.version());
                } else {
                    refuse(refused, input, inputOf);
                }
            }
        }
        return sheet(patient, "/clinic/patients/" + patientId + "/visits/" + visitId, true, input.state(), stale ? 409 : 400);
    }

    private static void refuse(ProblemException refused, FormInput input, Function<String, String> inputOf) {
        if (refused.status() == 409) {
            input.state().reject("visitDate", refused.getMessage());
        } else if (refused.status() == 400) {
            input.reject(refused.violations(), inputOf);
        } else {
            throw refused;
        }
    }

    private Response sheet(PatientView patient, String action, boolean correcting, FormState form, int status) {
        String title = (correcting ? "Correct visit · " : "New visit · ") + patient.registryCode();
        return page(status, Pages.visitForm(frames.of(title, "clinic"),
                new VisitSheet(patient.id(), patient.registryCode(), action, correcting, ENZYME_LINES), form));
    }

    private PatientView readablePatient(Actor current, long patientId) {
        return patients.findPatientById(current, patientId).orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
    }

    /** The scale of the patient's latest MMT-8, so a follow-up is scored on the same one; 150 for a first visit. */
    private int lastMmt8Scale(Actor current, long patientId) {
        List<VisitView> all = visits.listVisitsForPatient(current, patientId, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mmt8Max() != null) {
                return all.get(i).mmt8Max();
            }
        }
        return 150;
    }

    private static FormState stored(VisitView visit) {
        FormState form = FormState.empty().set("visitDate", visit.visitDate())
                .set("physicianGlobalActivity", number(visit.physicianGlobalActivity()))
                .set("patientGlobalActivity", number(visit.patientGlobalActivity()))
                .set("mmt8", visit.mmt8()).set("mmt8Max", visit.mmt8Max() == null ? 150 : visit.mmt8Max())
                .set("cmas", visit.cmas()).set("haq", number(visit.haq()))
                .set("extramuscularActivity", number(visit.extramuscularActivity()))
                .set("physicianGlobalDamage", number(visit.physicianGlobalDamage()))
                .set("patientGlobalDamage", number(visit.patientGlobalDamage()))
                .set("mdiExtent", visit.mdiExtent()).set("mdiSeverity", number(visit.mdiSeverity()))
                .set("sf36Pcs", number(visit.sf36Pcs())).set("sf36Mcs", number(visit.sf36Mcs()))
                .set("functionalIndex", number(visit.functionalIndex()))
                .set("bodyWeightKg", number(visit.bodyWeightKg())).set("cdasiActivity", visit.cdasiActivity())
                .set("dysphagia", visit.dysphagia()).set("fingerFlexorWeakness", visit.fingerFlexorWeakness())
                .set("quadricepsWeakness", visit.quadricepsWeakness()).set("notes", visit.notes())
                .set("version", visit.version());
        for (EnzymeEntry enzyme : visit.enzymes()) {
            EnzymeLine line = EnzymeLine.of(enzyme.test());
            form.set(line.value(), number(enzyme.value())).set(line.uln(), number(enzyme.uln())).set(line.unit(), enzyme.unit());
        }
        return form;
    }

    private static String number(Double value) {
        return value == null ? null : PatientPages.number(value);
    }

    /** The request the form describes; {@code sent} receives the enzymes in the order the request lists them. */
    static VisitRequest request(FormInput input, List<EnzymeTest> sent) {
        List<EnzymeEntry> enzymes = new ArrayList<>();
        for (EnzymeLine line : ENZYME_LINES) {
            Double value = input.decimal(line.value());
            Double uln = input.decimal(line.uln());
            // The ULN and unit come prefilled: a line counts as entered only when it has a value.
            if (value != null || input.text(line.value()) != null) {
                sent.add(EnzymeTest.valueOf(line.test()));
                enzymes.add(new EnzymeEntry(EnzymeTest.valueOf(line.test()), value, uln, input.text(line.unit())));
            }
        }
        // The scale select always sends a value; it belongs to the request only with an MMT-8 total, else a visit
        // without MMT-8 (CMAS only, CDASI only, a weight) would be refused for a missing total nobody meant to give.
        Integer mmt8Max = input.text("mmt8") == null ? null : input.whole("mmt8Max");
        return new VisitRequest(input.date("visitDate"), input.decimal("physicianGlobalActivity"),
                input.decimal("patientGlobalActivity"), input.whole("mmt8"), mmt8Max, input.whole("cmas"),
                input.decimal("haq"), input.decimal("extramuscularActivity"), enzymes,
                input.decimal("physicianGlobalDamage"), input.decimal("patientGlobalDamage"), input.whole("mdiExtent"),
                input.decimal("mdiSeverity"), input.decimal("sf36Pcs"), input.decimal("sf36Mcs"),
                input.decimal("functionalIndex"), input.decimal("bodyWeightKg"), input.whole("cdasiActivity"),
                input.yesNo("dysphagia"), input.yesNo("fingerFlexorWeakness"), input.yesNo("quadricepsWeakness"),
                input.text("notes"), input.version("version"));
    }

    /** The input of a refused visit field; enzyme results are numbered as sent, which skips empty lines. */
    static String inputOfVisitField(String field, List<EnzymeTest> sent) {
        Matcher enzyme = ENZYME_FIELD.matcher(field);
        if (enzyme.matches()) {
            int index = Integer.parseInt(enzyme.group(1));
            if (index >= sent.size()) {
                return null;
            }
            EnzymeLine line = EnzymeLine.of(sent.get(index));
            return switch (enzyme.group(2)) {
                case "uln" -> line.uln();
                case "unit" -> line.unit();
                default -> line.value();
            };
        }
        return switch (field) {
            case "measures", "version", "", "enzymes" -> null;
            default -> field;
        };
    }
}
