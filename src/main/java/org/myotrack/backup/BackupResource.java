package org.myotrack.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.ProblemException;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

import java.util.List;

/** HTTP face of online backups of the embedded database (ADMIN only): take one, list them, download one. */
@Path("/api/admin")
@Tag(name = "Administration")
public class BackupResource {

    static final String ZIP = "application/zip";

    @Inject
    BackupService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/backup")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Take an online backup of the H2 database", description = "Roles: ADMIN. Writes "
            + "`<data-dir>/backups/myotrack-<UTC time>.zip` while the registry keeps serving: the database as of one "
            + "moment, consistent with every committed write, plus the secrets generated into the data directory. "
            + "Unzipped into an empty folder it is a data directory. Audited. PostgreSQL: use pg_dump.")
    @APIResponse(responseCode = "201", description = "Written: file name, size in bytes, time taken, download path")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The registry does not run on the embedded H2 database; back up PostgreSQL with pg_dump")
    public Response takeBackup(@Context UriInfo uri) {
        BackupView taken = service.takeBackup(actor.get());
        return Response.created(uri.getBaseUriBuilder().path(taken.download()).build()).entity(taken).build();
    }

    @GET
    @Path("/backups")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "List the backups", description = "Roles: ADMIN. The backups in `<data-dir>/backups/`, newest first.")
    @APIResponse(responseCode = "200", description = "File name, size, time taken and download path of each backup")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public List<BackupView> listBackups() {
        return service.listBackups();
    }

    @GET
    @Path("/backups/{file}")
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Download a backup", description = "Roles: ADMIN. The zip file as written by `POST /api/admin/backup`.")
    @APIResponse(responseCode = "200", description = "The backup, `application/zip`")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No backup of that name")
    public Response downloadBackup(@PathParam("file") String file) {
        java.nio.file.Path backup = service.findBackup(file).orElseThrow(() -> ProblemException.notFound("Backup " + file));
        return Response.ok(backup.toFile(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + backup.getFileName() + "\"")
                .build();
    }
}
