package org.myotrack.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.ProblemException;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** HTTP face of CSV imports: a clinic's file of visits or therapies of its own site's patients. */
@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "CSV files of visits and therapies for the clinician's own site, all or nothing")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    static final String TEXT_CSV = "text/csv";

    private static final String RULES = " Header row first, column names exactly as the JSON fields; RFC 4180, UTF-8 (a"
            + " byte-order mark is fine), an empty cell is no value. Each row names its patient by `patientId` or"
            + " `externalId`. Rows are checked exactly as the single-record endpoint checks them. All or nothing: one"
            + " refused row refuses the file and nothing is saved. A row identical to a stored record is skipped, so"
            + " sending a file again is safe.";
    private static final String REFUSED = "Refused file, nothing saved: problem+json whose `rows` name each refused row"
            + " (the header is row 1), column, cell and reason (the first 1000; `errorCount` counts all). Also an"
            + " unknown, repeated or missing column, an empty file, or a file that is not UTF-8 CSV.";
    private static final String TOO_LARGE = "The file is larger than `myotrack.import.max-bytes` (default 50 MB); nothing saved.";
    private static final String NOT_CSV = "Not sent as `text/csv`, or in a charset other than UTF-8.";

    @Inject
    ImportService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/visits")
    @Consumes(TEXT_CSV)
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Import visits from a CSV file", description = "Roles: CLINICIAN, for patients of their own site."
            + " Columns: `patientId` or `externalId`, `visitDate`, the visit's scalar fields (`physicianGlobalActivity`,"
            + " `patientGlobalActivity`, `mmt8`, `mmt8Max`, `cmas`, `haq`, `extramuscularActivity`,"
            + " `physicianGlobalDamage`, `patientGlobalDamage`, `mdiExtent`, `mdiSeverity`, `sf36Pcs`, `sf36Mcs`,"
            + " `functionalIndex`, `bodyWeightKg`, `cdasiActivity`, `notes`), the yes/no findings `dysphagia`,"
            + " `fingerFlexorWeakness` and `quadricepsWeakness` (true or false, yes or no; empty = not recorded)"
            + " and per enzyme a value and its lab's ULN (`ck`, `ckUln`, `aldolase`,"
            + " `aldolaseUln`, `ldh`, `ldhUln`, `ast`, `astUln`, `alt`, `altUln`; unit U/L). One visit per patient and"
            + " date: a date already recorded with other values is refused." + RULES)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            example = "patientId,visitDate,physicianGlobalActivity,mmt8,mmt8Max,haq,ck,ckUln,notes\n"
                    + "12,2024-03-01,6.0,120,150,1.5,2400,200,\"weak, CK falling\"\n"))
    @APIResponse(responseCode = "200", description = "Imported: how many visits were created and skipped, of how many rows")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "415", description = NOT_CSV)
    @APIResponse(responseCode = "422", description = REFUSED)
    public ImportReport importVisits(InputStream csv, @Context HttpHeaders headers) {
        requireUtf8(headers);
        return committed(() -> service.importVisits(actor.get(), csv));
    }

    @POST
    @Path("/therapies")
    @Consumes(TEXT_CSV)
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Import therapies from a CSV file", description = "Roles: CLINICIAN, for patients of their own"
            + " site. Columns: `patientId` or `externalId`, `drug`, `drugName`, `dose`, `doseUnit`, `frequency`,"
            + " `route`, `startDate`, `endDate`, `stopReason`. Within a patient a therapy is known by drug and start"
            + " date: one row per pair, and a pair already recorded with other values is refused." + RULES)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            example = "externalId,drug,dose,doseUnit,frequency,route,startDate,endDate,stopReason\n"
                    + "MRN-44812,PREDNISONE,60,MG,DAILY,ORAL,2019-02-01,2019-03-15,\n"))
    @APIResponse(responseCode = "200", description = "Imported: how many therapies were created and skipped, of how many rows")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "415", description = NOT_CSV)
    @APIResponse(responseCode = "422", description = REFUSED)
    public ImportReport importTherapies(InputStream csv, @Context HttpHeaders headers) {
        requireUtf8(headers);
        return committed(() -> service.importTherapies(actor.get(), csv));
    }

    /** Runs the import, whose transaction commits as it returns, and logs (DEBUG) how long that took in all. */
    private static ImportReport committed(Supplier<ImportReport> importing) {
        long started = System.nanoTime();
        ImportReport report = importing.get();
        LOG.debugf("Import committed %.2f s after it began", (System.nanoTime() - started) / 1e9);
        return report;
    }

    /** The file is read as UTF-8; a body declared in another charset would be misread, so it is refused. */
    private static void requireUtf8(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isUtf8(charset)) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "Send the file as UTF-8 text (text/csv; charset=utf-8), not " + charset);
        }
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset.strip()).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
