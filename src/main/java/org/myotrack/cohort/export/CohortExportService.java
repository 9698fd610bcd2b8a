package org.myotrack.cohort.export;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.myotrack.cohort.CohortCriteria;
import org.myotrack.cohort.CohortRepository;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.ProblemException;
import org.myotrack.common.Violation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * De-identified cohort exports: plans an export (row count, k-anonymity, birth-year banding) before its first
 * byte, then streams it batch by batch, each batch read in its own short transaction, so an export of any size
 * holds a few batches in memory and never one long transaction.
 */
@ApplicationScoped
public class CohortExportService {

    /** Patients read per batch: a few hundred keeps queries few and the heap flat. */
    static final int BATCH_SIZE = 250;
    private static final int FETCH_SIZE = 1_000;
    /** Batches read ahead of the writer: enough to keep both threads busy, few enough to keep the heap flat. */
    static final int BATCHES_AHEAD = 2;

    /** One reading thread per running export; idle threads end after a minute. */
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cohort-export-reader");
        thread.setDaemon(true);
        return thread;
    });

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

    private volatile FhirContext fhir;

    @Transactional
    public ExportPlan plan(CohortCriteria criteria, ExportFormat format, DateMode dates) {
        if (format == ExportFormat.FHIR && dates == DateMode.RELATIVE) {
            throw ProblemException.invalid(List.of(new Violation("dates",
                    "must be shifted for the fhir format, whose dates are calendar dates")));
        }
        cohorts.requireKnownSite(criteria);
        long patients = cohorts.count(criteria);
        int exportYear = LocalDate.now(clock).getYear();
        int minimum = config.export().minimumGroupSize();
        List<Object[]> groups = cohorts.groupSizes(criteria);
        long byYear = smallestGroup(groups, exportYear, 1);
        int band = byYear >= minimum || patients == 0 ? 1 : config.export().birthYearBand();
        long smallest = band == 1 ? byYear : smallestGroup(groups, exportYear, band);
        long rows = switch (format) {
            case CSV -> cohorts.countInCohort(criteria, "select count(v) from Visit v where v.deletedAt is null and v.patientId in %s")
                    + cohorts.countInCohort(criteria, "select count(p) from Patient p where p.id in %s and not exists"
                    + " (select 1 from Visit v where v.patientId = p.id and v.deletedAt is null)");
            case CSV_WIDE, NDJSON -> patients;
            case FHIR -> fhirResources(criteria, patients);
        };
        int visitGroups = format == ExportFormat.CSV_WIDE ? cohorts.mostVisits(criteria) : 0;
        return new ExportPlan(criteria, format, dates, patients, rows, exportYear, minimum, smallest, byYear, band, visitGroups);
    }

    /** Patient and Condition per patient, an Observation per serology result, visit panel and enzyme, a MedicationStatement per therapy. */
    private long fhirResources(CohortCriteria criteria, long patients) {
        StringBuilder anyMeasure = new StringBuilder();
        for (VisitMeasure measure : VisitMeasure.values()) {
            anyMeasure.append(anyMeasure.isEmpty() ? "" : " or ").append("v.").append(measure.field()).append(" is not null");
        }
        return 2 * patients
                + cohorts.countInCohort(criteria, "select count(a) from Autoantibody a where a.patient.id in %s")
                + cohorts.countInCohort(criteria, "select count(v) from Visit v where v.deletedAt is null and ("
                + anyMeasure + ") and v.patientId in %s")
                + cohorts.countInCohort(criteria, "select count(e) from EnzymeResult e where e.visit.deletedAt is null and e.visit.patientId in %s")
                + cohorts.countInCohort(criteria, "select count(t) from Therapy t where t.deletedAt is null and t.patientId in %s");
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
     * Reading runs one batch ahead of writing on a thread of its own (the database read and de-identification of
     * the next batch overlap the formatting and sending of this one), with at most {@link #BATCHES_AHEAD} batches
     * waiting, so the heap still holds a bounded number of batches whatever the cohort's size.
     */
    public void write(ExportPlan plan, OutputStream out) throws IOException {
        Deidentification deidentification = new Deidentification(secret.pseudonyms(), plan.dates(), plan.exportYear(),
                plan.birthYearBand());
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Writer text = new OutputStreamWriter(buffered, StandardCharsets.UTF_8);
        CohortWriter writer = switch (plan.format()) {
            case CSV -> new CsvLongWriter(text);
            case CSV_WIDE -> new CsvWideWriter(text, plan.visitGroups());
            case NDJSON -> new NdjsonWriter(buffered, mapper);
            case FHIR -> new FhirWriter(text, fhirContext());
        };
        writer.begin();
        BatchReader reader = new BatchReader(plan.criteria(), deidentification);
        readers.execute(reader);
        try {
            for (List<ExportedPatient> batch = reader.next(); batch != null; batch = reader.next()) {
                writer.writeAll(batch);
            }
        } finally {
            // A client that went away ends the export here: the reader stops before its next batch. It is not
            // interrupted, since an interrupt inside a database read could close the embedded database's file.
            reader.stop();
        }
        writer.finish();
        text.flush();
        buffered.flush();
    }

    /** Reads and de-identifies the export's batches in order, handing them to the writing thread. */
    private final class BatchReader implements Runnable {
        private static final List<ExportedPatient> END = List.of();
        private final CohortCriteria criteria;
        private final Deidentification deidentification;
        private final BlockingQueue<List<ExportedPatient>> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private volatile boolean stopped;
        private volatile Throwable failure;

        BatchReader(CohortCriteria criteria, Deidentification deidentification) {
            this.criteria = criteria;
            this.deidentification = deidentification;
        }

        @Override
        public void run() {
            try {
                long afterId = 0;
                while (!stopped) {
                    Batch batch = readBatch(criteria, afterId);
                    if (batch.lastId() < 0) {
                        break;
                    }
                    List<ExportedPatient> exported = new ArrayList<>(batch.patients().size());
                    for (RegistryPatient patient : batch.patients()) {
                        exported.add(deidentification.apply(patient));
                    }
                    if (!hand(exported)) {
                        return;
                    }
                    afterId = batch.lastId();
                }
            } catch (RuntimeException | Error failed) {
                failure = failed;
            }
            hand(END);
        }

        /** Waits for room in the queue; false when the writer stopped meanwhile. */
        private boolean hand(List<ExportedPatient> batch) {
            try {
                while (!ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException shuttingDown) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The next batch, or null after the last; rethrows what stopped the reading. */
        List<ExportedPatient> next() throws IOException {
            List<ExportedPatient> batch;
            try {
                batch = ready.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Export interrupted");
            }
            if (batch != END) {
                return batch;
            }
            Throwable failed = failure;
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
            return null;
        }

        void stop() {
            stopped = true;
        }
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

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
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
