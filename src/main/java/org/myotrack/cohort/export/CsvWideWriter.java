package org.myotrack.cohort.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code csv-wide}: one row per patient, the patient's columns then one numbered group of visit columns per visit
 * ({@code visit1_visitDate}, {@code visit1_mmt8}, …), as many groups as the cohort's patient with most visits has;
 * groups past a patient's last visit are empty.
 */
final class CsvWideWriter implements CohortWriter {

    private final CSVPrinter printer;
    private final int visitGroups;

    CsvWideWriter(Writer out, int visitGroups) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        this.visitGroups = visitGroups;
    }

    @Override
    public void begin() throws IOException {
        for (ExportColumn<ExportedPatient> column : ExportColumns.PATIENT) {
            printer.print(column.name());
        }
        for (int group = 1; group <= visitGroups; group++) {
            for (ExportColumn<ExportedPatient.Visit> column : ExportColumns.VISIT) {
                if (!column.name().equals("visitNumber")) {
                    printer.print(groupColumn(group, column.name()));
                }
            }
        }
        printer.println();
    }

    static String groupColumn(int group, String name) {
        return "visit" + group + "_" + name;
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        if (patient.visits().size() > visitGroups) {
            throw new IllegalStateException("A visit was recorded while the export ran: the header no longer fits");
        }
        for (ExportColumn<ExportedPatient> column : ExportColumns.PATIENT) {
            printer.print(CsvCells.text(column.value().apply(patient)));
        }
        for (int group = 0; group < visitGroups; group++) {
            ExportedPatient.Visit visit = group < patient.visits().size() ? patient.visits().get(group) : null;
            for (ExportColumn<ExportedPatient.Visit> column : ExportColumns.VISIT) {
                if (!column.name().equals("visitNumber")) {
                    printer.print(visit == null ? "" : CsvCells.text(column.value().apply(visit)));
                }
            }
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}
