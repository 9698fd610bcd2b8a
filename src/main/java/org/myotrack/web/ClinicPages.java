package org.myotrack.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.PatientRequest;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.StoredFlagsView;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;
import org.myotrack.site.SiteRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The clinic's patient list with search and flag badges, and the new-patient form. */
@WebPage
@Path("/clinic")
@Produces(MediaType.TEXT_HTML)
public class ClinicPages extends WebResource {

    /** Patients per page of the list. */
    static final int PAGE_SIZE = 25;
    /** Serology rows the new-patient form offers. */
    static final int ANTIBODY_ROWS = 4;
    private static final Pattern ANTIBODY_FIELD = Pattern.compile("autoantibodies\\[(\\d+)]\\.?(.*)");

    @Inject
    PatientService patients;

    @Inject
    FlagService flags;

    @Inject
    CurrentActor actor;

    @Inject
    RequestChecks checks;

    @Inject
    SiteRepository sites;

    /** One patient of the list, with the badges of its stored flag state. */
    public record PatientRow(long id, String registryCode, String externalId, String siteCode, String diagnosis,
                             String sex, int birthYear, boolean refractory, List<FlagBadge> flags, String latestResponse) {
    }

    /** One page of the list and where it stands; {@code pageError} says why the address's page was refused. */
    public record PatientList(String query, List<PatientRow> rows, long total, int page, int pages, String pageError) {
    }

    @GET
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    public Response list(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("0") String page) {
        String shownQuery = query == null ? "" : query.strip();
        // A page number out of range or not a number is refused as the API refuses it, not shown as the first page.
        Integer current = PageRequest.pageNumber(page);
        if (current == null) {
            return page(400, Pages.clinic(frames.of("Patients", "clinic"),
                    new PatientList(shownQuery, List.of(), 0, 0, 1, PageRequest.PAGE_MESSAGE)));
        }
        PageView<PatientView> found = patients.searchPatients(actor.get(), query, PageRequest.of(current, PAGE_SIZE));
        Map<Long, StoredFlagsView> stored = flags.storedFlagsOf(found.items().stream().map(PatientView::id).toList());
        List<PatientRow> rows = found.items().stream().map(p -> {
            StoredFlagsView state = stored.get(p.id());
            return new PatientRow(p.id(), p.registryCode(), p.externalId(), p.siteCode(), p.diagnosis().name(),
                    p.sex().name(), p.birthDate().getYear(), state != null && state.refractory(),
                    state == null ? List.of() : state.flags().stream().map(FlagBadge::of).toList(),
                    state == null ? null : state.latestResponse());
        }).toList();
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return page(200, Pages.clinic(frames.of("Patients", "clinic"),
                new PatientList(shownQuery, rows, found.total(), current, pages, null)));
    }

    @GET
    @Path("/patients/new")
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response newPatient() {
        return patientForm(FormState.empty().set("statinExposure", StatinExposure.UNKNOWN), 200);
    }

    @POST
    @Path("/patients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response recordPatient() {
        Actor current = actor.get();
        FormInput input = FormInput.current();
        List<Integer> antibodyRows = new ArrayList<>();
        List<AutoantibodyEntry> antibodies = new ArrayList<>();
        for (int row = 0; row < ANTIBODY_ROWS; row++) {
            Antibody antibody = input.choice("antibody" + row, Antibody.class);
            AntibodyResult result = input.choice("result" + row, AntibodyResult.class);
            var testDate = input.date("testDate" + row);
            if (antibody != null || result != null || testDate != null) {
                antibodyRows.add(row);
                antibodies.add(new AutoantibodyEntry(antibody, result, testDate));
            }
        }
        PatientRequest request = new PatientRequest(siteCodeOf(current), input.text("externalId"),
                input.choice("sex", Sex.class), input.date("birthDate"), input.choice("diagnosis", Diagnosis.class),
                input.date("diagnosisDate"), input.date("onsetDate"), input.checked("cancerAssociated"),
                input.checked("ild"), input.choice("statinExposure", StatinExposure.class), input.date("statinStartDate"),
                antibodies, null);
        Function<String, String> inputOf = field -> inputOfPatientField(field, antibodyRows);
        if (checks.check(request, input, inputOf) && !input.state().hasErrors()) {
            try {
                PatientView created = patients.recordPatient(current, request);
                return seeOther("/clinic/patients/" + created.id());
            } catch (ProblemException refused) {
                if (refused.status() == 409) {
                    input.state().reject("externalId", refused.getMessage());
                } else if (refused.status() != 400) {
                    throw refused;
                }
                input.reject(refused.violations(), inputOf);
            }
        }
        return patientForm(input.state(), 400);
    }

    private Response patientForm(FormState form, int status) {
        return page(status, Pages.patientForm(frames.of("New patient", "clinic"), form, siteCodeOf(actor.get()), ANTIBODY_ROWS));
    }

    private String siteCodeOf(Actor current) {
        return current.siteId() == null ? null
                : QuarkusTransaction.joiningExisting().call(
                        () -> sites.findByIdOptional(current.siteId()).map(site -> site.code).orElse(null));
    }

    /** The input of a refused patient field: serology rows are numbered as the form shows them, not as sent. */
    static String inputOfPatientField(String field, List<Integer> antibodyRows) {
        Matcher antibody = ANTIBODY_FIELD.matcher(field);
        if (antibody.matches()) {
            int index = Integer.parseInt(antibody.group(1));
            int row = index < antibodyRows.size() ? antibodyRows.get(index) : 0;
            return switch (antibody.group(2)) {
                case "result" -> "result" + row;
                case "testDate" -> "testDate" + row;
                default -> "antibody" + row;
            };
        }
        return switch (field) {
            case "siteCode", "version", "", "autoantibodies" -> null;
            default -> field;
        };
    }
}
