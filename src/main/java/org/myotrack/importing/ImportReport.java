package org.myotrack.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an accepted import did: records created, rows skipped as already recorded, and rows read. */
public record ImportReport(
        @Schema(description = "Records created, each with its audit event") int created,
        @Schema(description = "Rows identical to a record already stored, left as they were") int skipped,
        @Schema(description = "Rows of the file holding a record (blank rows are not counted)") int rows) {
}
