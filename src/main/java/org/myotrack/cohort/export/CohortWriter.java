package org.myotrack.cohort.export;

import java.io.IOException;

/** Writes de-identified patients one at a time in one export format; nothing is held beyond the current patient. */
public interface CohortWriter {

    /** Writes whatever precedes the first patient (a CSV header). */
    void begin() throws IOException;

    void write(ExportedPatient patient) throws IOException;

    /** Writes out what is buffered; the stream stays open for the caller to close. */
    void finish() throws IOException;
}
