package org.myotrack.cohort.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code csv}: one row per visit (RFC 4180, UTF-8, CRLF), the patient's columns repeated on each, the regimen active
 * that day in the visit's columns. A patient without visits still has one row, with empty visit columns, so the
 * file holds the whole cohort.
 */
final class CsvLongWriter implements CohortWriter {

    private static final List<ExportColumn<ExportedPatient>> PATIENT = ExportColumns.PATIENT;
    private static final List<ExportColumn<ExportedPatient.Visit>> VISIT = ExportColumns.VISIT;

    private final CsvRows rows;
    /** The row being printed: the patient's cells, then the visit's. */
    private final String[] row = new String[PATIENT.size() + VISIT.size()];

    CsvLongWriter(Writer out) throws IOException {
        this.rows = new CsvRows(out);
    }

    @Override
    public void begin() throws IOException {
        for (int i = 0; i < PATIENT.size(); i++) {
            row[i] = PATIENT.get(i).name();
        }
        for (int i = 0; i < VISIT.size(); i++) {
            row[PATIENT.size() + i] = VISIT.get(i).name();
        }
        rows.row(row);
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        for (int i = 0; i < PATIENT.size(); i++) {
            row[i] = CsvCells.text(PATIENT.get(i).value().apply(patient));
        }
        if (patient.visits().isEmpty()) {
            for (int i = 0; i < VISIT.size(); i++) {
                row[PATIENT.size() + i] = "";
            }
            rows.row(row);
            return;
        }
        for (ExportedPatient.Visit visit : patient.visits()) {
            for (int i = 0; i < VISIT.size(); i++) {
                row[PATIENT.size() + i] = CsvCells.text(VISIT.get(i).value().apply(visit));
            }
            rows.row(row);
        }
    }

    @Override
    public void finish() throws IOException {
        rows.finish();
    }
}
