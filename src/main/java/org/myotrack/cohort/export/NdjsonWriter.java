package org.myotrack.cohort.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ndjson}: one JSON object per line per patient, with visits, therapies, investigations, serology and flags
 * nested. Field names are those of the CSV dictionary; absent values are written as {@code null}, so every line
 * has the same shape.
 */
final class NdjsonWriter implements CohortWriter {

    private final OutputStream out;
    private final ObjectMapper mapper;

    NdjsonWriter(OutputStream out, ObjectMapper mapper) {
        this.out = out;
        // One flush at the end, not one per line: each flush would become a network write of its own.
        this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    public void begin() {
        // NDJSON has no header.
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        for (ExportColumn<ExportedPatient> column : ExportColumns.PATIENT) {
            switch (column.name()) {
                case "positiveAntibodies" -> line.put(column.name(), patient.positiveAntibodies());
                case "flags" -> line.put(column.name(), flags(patient));
                default -> line.put(column.name(), json(column.value().apply(patient)));
            }
        }
        line.put("antibodies", antibodies(patient));
        line.put("visits", visits(patient));
        line.put("therapies", therapies(patient));
        line.put("investigations", investigations(patient));
        mapper.writeValue(out, line);
        out.write('\n');
    }

    private static List<Object> flags(ExportedPatient patient) {
        List<Object> flags = new ArrayList<>();
        for (ExportedPatient.Flag flag : patient.flags()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", flag.code());
            entry.put("since", json(flag.since()));
            flags.add(entry);
        }
        return flags;
    }

    private static List<Object> antibodies(ExportedPatient patient) {
        List<Object> tests = new ArrayList<>();
        for (ExportedPatient.AntibodyTest test : patient.antibodies()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("antibody", test.antibody());
            entry.put("result", test.result());
            entry.put("testDate", json(test.testDate()));
            tests.add(entry);
        }
        return tests;
    }

    private static List<Object> visits(ExportedPatient patient) {
        List<Object> visits = new ArrayList<>();
        for (ExportedPatient.Visit visit : patient.visits()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("visitNumber", visit.number());
            entry.put("visitDate", json(visit.date()));
            for (VisitMeasure measure : VisitMeasure.values()) {
                entry.put(measure.field(), visit.measure(measure));
            }
            List<Object> enzymes = new ArrayList<>();
            for (ExportedPatient.Enzyme enzyme : visit.enzymes()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("test", enzyme.test());
                result.put("value", enzyme.value());
                result.put("uln", enzyme.uln());
                result.put("unit", enzyme.unit());
                enzymes.add(result);
            }
            entry.put("enzymes", enzymes);
            entry.put("tisFromFirstVisit", visit.tis());
            entry.put("responseFromFirstVisit", visit.response());
            entry.put("regimen", visit.regimen().isEmpty() ? List.of() : List.of(visit.regimen().split(";")));
            entry.put("regimenDoses", visit.regimenDoses());
            entry.put("prednisoneMgPerDay", visit.prednisoneMgPerDay());
            visits.add(entry);
        }
        return visits;
    }

    private static List<Object> therapies(ExportedPatient patient) {
        List<Object> therapies = new ArrayList<>();
        for (ExportedPatient.Therapy therapy : patient.therapies()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("drug", therapy.drug());
            entry.put("drugClass", therapy.drug().drugClass());
            entry.put("drugName", therapy.drugName());
            entry.put("dose", therapy.dose());
            entry.put("doseUnit", therapy.doseUnit());
            entry.put("frequency", therapy.frequency());
            entry.put("route", therapy.route());
            entry.put("startDate", json(therapy.start()));
            entry.put("endDate", json(therapy.end()));
            entry.put("stopReason", therapy.stopReason());
            therapies.add(entry);
        }
        return therapies;
    }

    private static List<Object> investigations(ExportedPatient patient) {
        List<Object> investigations = new ArrayList<>();
        for (ExportedPatient.Investigation investigation : patient.investigations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", json(investigation.date()));
            entry.put("type", investigation.type());
            entry.put("findings", investigation.findings().stream().sorted().toList());
            investigations.add(entry);
        }
        return investigations;
    }

    private static Object json(Object value) {
        return value instanceof ExportDate date ? date.json() : value;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
