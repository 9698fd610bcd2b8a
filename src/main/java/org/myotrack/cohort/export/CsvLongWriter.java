package org.myotrack.cohort.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code csv}: one row per visit (RFC 4180, UTF-8, CRLF), the patient's columns repeated on each, the regimen active
 * that day in the visit's columns. A patient without visits still has one row, with empty visit columns, so the
 * file holds the whole cohort.
 */
final class CsvLongWriter implements CohortWriter {

    private final CSVPrinter printer;

    CsvLongWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    }

    @Override
    public void begin() throws IOException {
        for (ExportColumn<ExportedPatient> column : ExportColumns.PATIENT) {
            printer.print(column.name());
        }
        for (ExportColumn<ExportedPatient.Visit> column : ExportColumns.VISIT) {
            printer.print(column.name());
        }
        printer.println();
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        String[] patientCells = new String[ExportColumns.PATIENT.size()];
        for (int i = 0; i < patientCells.length; i++) {
            patientCells[i] = CsvCells.text(ExportColumns.PATIENT.get(i).value().apply(patient));
        }
        if (patient.visits().isEmpty()) {
            printPatient(patientCells);
            for (int i = 0; i < ExportColumns.VISIT.size(); i++) {
                printer.print("");
            }
            printer.println();
            return;
        }
        for (ExportedPatient.Visit visit : patient.visits()) {
            printPatient(patientCells);
            for (ExportColumn<ExportedPatient.Visit> column : ExportColumns.VISIT) {
                printer.print(CsvCells.text(column.value().apply(visit)));
            }
            printer.println();
        }
    }

    private void printPatient(String[] cells) throws IOException {
        for (String cell : cells) {
            printer.print(cell);
        }
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}
