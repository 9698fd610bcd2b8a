package org.myotrack.cohort.export;

import java.io.IOException;
import java.util.List;

/** Writes de-identified patients one at a time in one export format; nothing is held beyond the current patient. */
public interface CohortWriter {

    /** Writes whatever precedes the first patient (a CSV header). */
    void begin() throws IOException;

    void write(ExportedPatient patient) throws IOException;

    /** Writes a batch in its order; a format whose rendering is costly may spread it over the cores. */
    default void writeAll(List<ExportedPatient> patients) throws IOException {
        for (ExportedPatient patient : patients) {
            write(patient);
        }
    }

    /** Writes out what is buffered; the stream stays open for the caller to close. */
    void finish() throws IOException;
}
