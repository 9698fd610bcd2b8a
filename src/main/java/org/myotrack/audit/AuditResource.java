package org.myotrack.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.patient.PatientRepository;
import org.myotrack.security.Role;

/** Read-only HTTP face of the audit trail; there is deliberately no way to change or remove audit rows. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    PatientRepository patients;

    @GET
    @Path("/patients/{id}/audit")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "A patient's audit trail, oldest first, paged",
            description = "Roles: ADMIN. Every create, update and delete of the patient and of its visits, therapies and "
                    + "investigations, with who, when and the values before and after.")
    @APIResponse(responseCode = "200", description = "One page of audit events")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such patient")
    public PageView<AuditEventView> listAudit(@PathParam("id") long patientId, @Valid @BeanParam PageRequest page) {
        if (patients.findByIdOptional(patientId).isEmpty()) {
            throw ProblemException.notFound("Patient " + patientId);
        }
        return audit.listForPatient(patientId, page);
    }
}
