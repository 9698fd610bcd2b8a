package org.myotrack.cohort.export;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.myotrack.cohort.CohortCriteria;
import org.myotrack.cohort.CohortRepository;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.refractory.FlagService;
import org.myotrack.common.ProblemException;
import org.myotrack.common.ReadAhead;
import org.myotrack.common.Violation;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * De-identified cohort exports: plans an export (row count, k-anonymity, birth-year banding) before its first
 * byte, then streams it batch by batch, each batch read in its own short transaction, so an export of any size
 * holds a few batches in memory and never one long transaction.
 */
@ApplicationScoped
public class CohortExportService {

    /** Patients read per batch: a few hundred keeps queries few and the heap flat. */
    static final int BATCH_SIZE = 250;
    /**
     * Rows fetched per round trip while a batch is read. With it, and with auto-commit off (every batch is read in
     * a transaction), the PostgreSQL driver reads through a server-side cursor instead of the whole result at once.
     */
    static final int FETCH_SIZE = 1_000;
    /** Batches read ahead of the writer: enough to keep both threads busy, few enough to keep the heap flat. */
    static final int BATCHES_AHEAD = 2;

    @Inject
    CohortRepository cohorts;

    @Inject
    RegistrySecret secret;

    @Inject
    MyoTrackConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    FlagService flags;

    private volatile FhirContext fhir;

    @Transactional
    public ExportPlan plan(CohortCriteria criteria, ExportFormat format, DateMode dates) {
        String datesRefused = refusedDates(format, dates);
        if (datesRefused != null) {
            throw ProblemException.invalid(List.of(new Violation("dates", datesRefused)));
        }
        cohorts.requireKnownSite(criteria);
        flags.awaitCurrentStates();
        long patients = cohorts.count(criteria);
        int exportYear = LocalDate.now(clock).getYear();
        int minimum = config.export().minimumGroupSize();
        List<Object[]> groups = cohorts.groupSizes(criteria);
        long byYear = smallestGroup(groups, exportYear, 1);
        int band = byYear >= minimum || patients == 0 ? 1 : config.export().birthYearBand();
        long smallest = band == 1 ? byYear : smallestGroup(groups, exportYear, band);
        long rows = rows(criteria, format, patients);
        int visitGroups = format == ExportFormat.CSV_WIDE ? cohorts.mostVisits(criteria) : 0;
        return new ExportPlan(criteria, format, dates, patients, rows, exportYear, minimum, smallest, byYear, band, visitGroups);
    }

    /**
     * The data rows an export of the cohort ({@code patients} patients) in this format holds: the number its
     * {@code X-Total-Count} announces, without the rest of the plan (the coordinators' page counts each format).
     */
    @Transactional
    public long rows(CohortCriteria criteria, ExportFormat format, long patients) {
        return switch (format) {
            // A row per visit, and one for a patient without any.
            case CSV -> cohorts.sumOverCohort(criteria, List.of(
                    "(select count(v) from Visit v where v.patientId = p.id and v.deletedAt is null)",
                    "case when exists (select 1 from Visit v where v.patientId = p.id and v.deletedAt is null) then 0 else 1 end"));
            case CSV_WIDE, NDJSON -> patients;
            case FHIR -> fhirResources(criteria, patients);
        };
    }

    /** Why the dates cannot go with the format, or null when they can: the FHIR format's dates are calendar dates. */
    public static String refusedDates(ExportFormat format, DateMode dates) {
        return format == ExportFormat.FHIR && dates == DateMode.RELATIVE
                ? "must be shifted for the fhir format, whose dates are calendar dates" : null;
    }

    /**
     * Patient and Condition per patient, a statin-exposure Observation where one is recorded, an Observation per
     * serology result, visit panel (the measures other than the weight), body weight and enzyme, a
     * MedicationStatement per therapy: as {@link FhirWriter} writes them.
     */
    private long fhirResources(CohortCriteria criteria, long patients) {
        StringBuilder anyMeasure = new StringBuilder();
        for (VisitMeasure measure : VisitMeasure.values()) {
            if (measure != VisitMeasure.BODY_WEIGHT_KG) {
                anyMeasure.append(anyMeasure.isEmpty() ? "" : " or ").append("v.").append(measure.field()).append(" is not null");
            }
        }
        return 2 * patients + cohorts.sumOverCohort(criteria, List.of(
                "(case when p.statinExposure <> org.myotrack.patient.StatinExposure.UNKNOWN"
                        + " or p.statinStartDate is not null then 1 else 0 end)",
                "(select count(a) from Autoantibody a where a.patient.id = p.id)",
                "(select count(v) from Visit v where v.patientId = p.id and v.deletedAt is null and (" + anyMeasure + "))",
                "(select count(v) from Visit v where v.patientId = p.id and v.deletedAt is null"
                        + " and v." + VisitMeasure.BODY_WEIGHT_KG.field() + " is not null)",
                "(select count(e) from EnzymeResult e join e.visit v where v.patientId = p.id and v.deletedAt is null)",
                "(select count(t) from Therapy t where t.patientId = p.id and t.deletedAt is null)"));
    }

    /** Smallest group over (site, sex, birth-year label, diagnosis) with birth years in bands of {@code band} years. */
    static long smallestGroup(List<Object[]> groups, int exportYear, int band) {
        Map<List<Object>, Long> sizes = new HashMap<>();
        for (Object[] group : groups) {
            String birthYear = BirthYears.label(((Number) group[2]).intValue(), exportYear, band);
            sizes.merge(List.of(group[0], group[1], birthYear, group[3]), ((Number) group[4]).longValue(), Long::sum);
        }
        return sizes.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /**
     * Writes the planned export to {@code out}, patient by patient in id order; the caller closes the stream.
     * Reading runs ahead of writing on a thread of its own (the database read and de-identification of the next
     * batch overlap the formatting and sending of this one), with at most {@link #BATCHES_AHEAD} batches waiting, so
     * the heap holds a bounded number of batches whatever the cohort's size.
     */
    public void write(ExportPlan plan, OutputStream out) throws IOException {
        Deidentification deidentification = new Deidentification(secret.pseudonyms(), plan.dates(), plan.exportYear(),
                plan.birthYearBand());
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        // A character buffer in front of the encoder gathers what the writers hand it (a patient's FHIR lines; the CSV
        // writers' buffered rows, CsvRows) into large encodes, each of which takes the encoder's lock and a call.
        Writer text = new BufferedWriter(new OutputStreamWriter(buffered, StandardCharsets.UTF_8), 1 << 16);
        CohortWriter writer = switch (plan.format()) {
            case CSV -> new CsvLongWriter(text);
            case CSV_WIDE -> new CsvWideWriter(text, plan.visitGroups());
            case NDJSON -> new NdjsonWriter(buffered, mapper);
            case FHIR -> new FhirWriter(text, fhirContext());
        };
        writer.begin();
        long[] afterId = {0};
        ReadAhead.Source<List<ExportedPatient>> batches = () -> {
            Batch batch = readBatch(plan.criteria(), afterId[0]);
            if (batch.lastId() < 0) {
                return null;
            }
            afterId[0] = batch.lastId();
            List<ExportedPatient> exported = new ArrayList<>(batch.patients().size());
            for (RegistryPatient patient : batch.patients()) {
                exported.add(deidentification.apply(patient));
            }
            return exported;
        };
        // A client that went away ends the export here, and closing stops the reading before its next batch.
        try (ReadAhead<List<ExportedPatient>> reading = ReadAhead.start("cohort-export-reader", BATCHES_AHEAD, batches)) {
            for (List<ExportedPatient> batch = reading.next(); batch != null; batch = reading.next()) {
                writer.writeAll(batch);
            }
        }
        writer.finish();
        text.flush();
        buffered.flush();
    }

    private record Batch(long lastId, List<RegistryPatient> patients) {
    }

    private Batch readBatch(CohortCriteria criteria, long afterId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = cohorts.patientIds(criteria, afterId, BATCH_SIZE);
            if (ids.isEmpty()) {
                return new Batch(-1, List.of());
            }
            List<RegistryPatient> patients = em.unwrap(Session.class)
                    .doReturningWork(connection -> new CohortRecordReader(connection, FETCH_SIZE).read(ids));
            return new Batch(ids.get(ids.size() - 1), patients);
        });
    }

    /** Built once: a FHIR context scans the whole R4 model, which takes a second or two. */
    private FhirContext fhirContext() {
        FhirContext context = fhir;
        if (context == null) {
            synchronized (this) {
                if (fhir == null) {
                    FhirContext created = FhirContext.forR4();
                    // Our references point at resources of their own, never at contained ones: skip the search.
                    created.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
                    fhir = created;
                }
                context = fhir;
            }
        }
        return context;
    }
}
