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
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.therapy.TherapyService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

/** The form that records one drug at one dose over a period (a taper is several entries). */
@WebPage
@Path("/clinic/patients/{id: \\d+}/therapies")
@Produces(MediaType.TEXT_HTML)
public class TherapyPages extends WebResource {

    @Inject
    TherapyService therapies;

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
    public Response newTherapy(@PathParam("id") long patientId) {
        PatientView patient = readablePatient(actor.get(), patientId);
        FormState form = FormState.empty().set("startDate", LocalDate.now(clock)).set("doseUnit", DoseUnit.MG)
                .set("route", Route.ORAL);
        return form(patient, form, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CLINICIAN_NAME)
    public Response recordTherapy(@PathParam("id") long patientId) {
        Actor current = actor.get();
        PatientView patient = readablePatient(current, patientId);
        FormInput input = FormInput.current();
        TherapyRequest request = new TherapyRequest(input.choice("drug", Drug.class), input.decimal("dose"),
                input.choice("doseUnit", DoseUnit.class), input.choice("frequency", Frequency.class),
                input.choice("route", Route.class), input.date("startDate"), input.date("endDate"),
                input.choice("stopReason", StopReason.class), input.text("drugName"), null);
        Function<String, String> inputOf = field -> field.isEmpty() || field.equals("version") ? null : field;
        if (checks.check(request, input, inputOf) && !input.state().hasErrors()) {
            try {
                therapies.recordTherapy(current, patientId, request);
                return seeOther("/clinic/patients/" + patientId + "#therapies");
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
        return page(status, Pages.therapyForm(frames.of("New therapy · " + patient.registryCode(), "clinic"), patient, form));
    }

    private PatientView readablePatient(Actor current, long patientId) {
        return patients.findPatientById(current, patientId).orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
    }
}
