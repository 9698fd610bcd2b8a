package org.myotrack.cohort.export;

import org.myotrack.common.ProblemException;
import org.myotrack.common.Violation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The export formats of api.md "Cohorts", with the media type and file name each is served with. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8", "cohort.csv"),
    CSV_WIDE("csv-wide", "text/csv; charset=UTF-8", "cohort-wide.csv"),
    NDJSON("ndjson", "application/x-ndjson", "cohort.ndjson"),
    FHIR("fhir", "application/fhir+ndjson", "cohort-fhir.ndjson");

    private final String parameter;
    private final String mediaType;
    private final String fileName;

    ExportFormat(String parameter, String mediaType, String fileName) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    /** The format named by the {@code format} parameter; a missing or unknown one is refused naming the formats. */
    public static ExportFormat parse(String value) {
        for (ExportFormat format : values()) {
            if (format.parameter.equals(value)) {
                return format;
            }
        }
        String allowed = Arrays.stream(values()).map(ExportFormat::parameter).collect(Collectors.joining(", "));
        throw ProblemException.invalid(List.of(new Violation("format", "must be one of: " + allowed)));
    }
}
