package org.myotrack.cohort.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code csv-wide}: one row per patient, the patient's columns then one numbered group of visit columns per visit
 * ({@code visit1_visitDate}, {@code visit1_mmt8}, …), as many groups as the cohort's patient with most visits has;
 * groups past a patient's last visit are empty.
 */
final class CsvWideWriter implements CohortWriter {

    private static final List<ExportColumn<ExportedPatient>> PATIENT = ExportColumns.PATIENT;
    /** The visit columns of each group: all but the visit's number, which the group's name gives. */
    private static final List<ExportColumn<ExportedPatient.Visit>> GROUP = ExportColumns.VISIT.stream()
            .filter(column -> !column.name().equals("visitNumber")).toList();

    private final CsvRows rows;
    private final int visitGroups;
    private final String[] row;

    CsvWideWriter(Writer out, int visitGroups) throws IOException {
        this.rows = new CsvRows(out);
        this.visitGroups = visitGroups;
        this.row = new String[PATIENT.size() + visitGroups * GROUP.size()];
    }

    @Override
    public void begin() throws IOException {
        for (int i = 0; i < PATIENT.size(); i++) {
            row[i] = PATIENT.get(i).name();
        }
        int cell = PATIENT.size();
        for (int group = 1; group <= visitGroups; group++) {
            for (ExportColumn<ExportedPatient.Visit> column : GROUP) {
                row[cell++] = groupColumn(group, column.name());
            }
        }
        rows.row(row);
    }

    static String groupColumn(int group, String name) {
        return "visit" + group + "_" + name;
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        if (patient.visits().size() > visitGroups) {
            throw new IllegalStateException("A visit was recorded while the export ran: the header no longer fits");
        }
        for (int i = 0; i < PATIENT.size(); i++) {
            row[i] = CsvCells.text(PATIENT.get(i).value().apply(patient));
        }
        int cell = PATIENT.size();
        for (int group = 0; group < visitGroups; group++) {
            ExportedPatient.Visit visit = group < patient.visits().size() ? patient.visits().get(group) : null;
            for (ExportColumn<ExportedPatient.Visit> column : GROUP) {
                row[cell++] = visit == null ? "" : CsvCells.text(column.value().apply(visit));
            }
        }
        rows.row(row);
    }

    @Override
    public void finish() throws IOException {
        rows.finish();
    }
}
