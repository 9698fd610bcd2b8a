package org.myotrack.refractory;

import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The committed records of patients a writing transaction holds locked, read on a connection and a thread of their
 * own while the transaction goes on writing (an import, on the other core). Once the transaction has locked a patient,
 * no other can commit a change to the patient's record, since every write locks its patients in its flag refresh before
 * it commits: the committed record stays the record as it was before this transaction, and the transaction's own
 * additions are added to it at the end ({@link FlagService#refreshAdded}). Records read ahead are held until then, up
 * to about {@value #MAX_VISITS_HELD} visits' worth; patients beyond are read at the end, a batch ahead of their evaluation.
 * One thread reads, in the order asked.
 */
public final class CommittedRecords implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommittedRecords.class);
    /** Visits held in records read ahead, beyond which no more are read ahead: about 60 MB of records. */
    static final int MAX_VISITS_HELD = 200_000;

    private final PatientRecordLoader loader;
    private final DataSource dataSource;
    private final int maxVisitsHeld;
    private final ExecutorService reader;
    private final Map<Long, PatientRecord> readAhead = new ConcurrentHashMap<>();
    /** Set on the reader's thread once the records held reach the bound, or a read ahead fails: no more are read ahead. */
    private volatile boolean stopped;
    private long visitsHeld;

    CommittedRecords(PatientRecordLoader loader, DataSource dataSource, int maxVisitsHeld) {
        this.loader = loader;
        this.dataSource = dataSource;
        this.maxVisitsHeld = maxVisitsHeld;
        this.reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "committed-record-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts reading the committed records of these patients, which the caller's transaction has already locked; the
     * caller goes on at once.
     */
    public void readAhead(Collection<Long> patientIds) {
        if (stopped || patientIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(patientIds);
        reader.execute(() -> {
            if (stopped) {
                return;
            }
            try {
                Map<Long, PatientRecord> records = read(ids);
                readAhead.putAll(records);
                for (PatientRecord record : records.values()) {
                    visitsHeld += record.visits().size();
                }
                stopped = visitsHeld >= maxVisitsHeld;
            } catch (SQLException | RuntimeException failed) {
                // The patients not read ahead are read at the end; a failure there fails the write.
                LOG.warnf(failed, "Reading committed records ahead failed; they are read at the end instead");
                stopped = true;
            }
        });
    }

    /**
     * The committed records of these patients (locked by the caller's transaction), when read: those read ahead, and
     * the others read after every read ahead asked for so far. Each record is handed out once.
     */
    Future<Map<Long, PatientRecord>> records(List<Long> patientIds) {
        return reader.submit(() -> {
            Map<Long, PatientRecord> records = new HashMap<>();
            List<Long> missing = new ArrayList<>();
            for (Long id : patientIds) {
                PatientRecord record = readAhead.remove(id);
                if (record == null) {
                    missing.add(id);
                } else {
                    records.put(id, record);
                }
            }
            records.putAll(read(missing));
            return records;
        });
    }

    /** Patients whose records are held, read ahead and not yet handed out. */
    int held() {
        return readAhead.size();
    }

    private Map<Long, PatientRecord> read(List<Long> patientIds) throws SQLException {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return loader.load(connection, patientIds);
        }
    }

    /** Stops reading without interrupting a read under way, which ends on its own and gives its connection back. */
    @Override
    public void close() {
        stopped = true;
        reader.shutdown();
    }
}
