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
import org.myotrack.common.ProblemException;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationService;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/** The form that records an MRI, biopsy or EMG with its findings. */
@WebPage
@Path("/clinic/patients/{id: \\d+}/investigations")
@Produces(MediaType.TEXT_HTML)
public class InvestigationPages extends WebResource {

    @Inject
    InvestigationService investigations;

    @Inject
    PatientService patients;

    @Inject
    CurrentActor actor;

    @Inject
    RequestChecks checks;

    @Inject
    Clock clock;

    @GET
    @Path("/new")
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response newInvestigation(@PathParam("id") long patientId) {
        PatientView patient = readablePatient(actor.get(), patientId);
        return form(patient, FormState.empty().set("date", LocalDate.now(clock)).set("type", InvestigationType.MRI), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response recordInvestigation(@PathParam("id") long patientId) {
        Actor current = actor.get();
        PatientView patient = readablePatient(current, patientId);
        FormInput input = FormInput.current();
        Set<Finding> findings = EnumSet.noneOf(Finding.class);
        for (String finding : input.all("findings")) {
            try {
                findings.add(Finding.valueOf(finding));
            } catch (IllegalArgumentException unknown) {
                input.state().reject("findings", finding + " is not a finding of the registry");
            }
        }
        InvestigationRequest request = new InvestigationRequest(input.date("date"),
                input.choice("type", InvestigationType.class), findings, input.text("notes"), null);
        Function<String, String> inputOf = field -> field.startsWith("findings") ? "findings"
                : field.isEmpty() || field.equals("version") ? null : field;
        if (checks.check(request, input, inputOf) && !input.state().hasErrors()) {
            try {
                investigations.recordInvestigation(current, patientId, request);
                return seeOther("/clinic/patients/" + patientId + "#investigations");
            } catch (ProblemException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                input.reject(refused.violations(), inputOf);
            }
        }
        return form(patient, input.state(), 400);
    }

    private Response form(PatientView patient, FormState form, int status) {
        return page(status, Pages.investigationForm(frames.of("New investigation · " + patient.registryCode(), "clinic"),
                patient, form));
    }

    private PatientView readablePatient(Actor current, long patientId) {
        return patients.findPatientById(current, patientId).orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
    }
}
