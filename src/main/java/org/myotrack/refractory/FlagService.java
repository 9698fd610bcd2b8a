package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;
import org.myotrack.common.IdGroups;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.patient.PatientRecordChanged;
import org.myotrack.patient.PatientService;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.scoring.TotalImprovementScoreResult;
import org.myotrack.security.Actor;
import org.myotrack.therapy.TherapyPeriod;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * Reads patients' records and runs the refractory rules on them: live for one patient's flags, and into the
 * stored state that cohort queries filter on, in the transaction of every write.
 */
@ApplicationScoped
public class FlagService {

    private static final Logger LOG = Logger.getLogger(FlagService.class);
    /** Patients evaluated per transaction when the whole registry is re-evaluated, and read at once by any refresh. */
    static final int BATCH_SIZE = 500;
    /**
     * Patients from which one refresh spreads the rules over the cores; the start-up re-evaluation already runs one
     * batch per core, and its batches stay below this.
     */
    static final int PARALLEL_RULES_FROM = 1_000;

    private final Object staleRefresh = new Object();
    /** Set once every stored state of this registry was found evaluated under the current rules version. */
    private volatile boolean statesCurrent;

    @Inject
    PatientService patients;

    @Inject
    PatientRecordLoader loader;

    @Inject
    PatientFlagStateRepository states;

    @Inject
    MyoTrackConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    public RuleConfig rules() {
        return config.rules().toRuleConfig();
    }

    /** The patient's flags evaluated now from the stored record, so they reflect every write at once. */
    @Transactional
    public FlagsView flagsOf(Actor actor, long patientId) {
        patients.requireReadable(actor, patientId);
        PatientRecord record = loader.load(List.of(patientId)).get(patientId);
        Evaluation evaluation = RefractoryRules.evaluate(record, rules());
        return new FlagsView(patientId, evaluation.rulesVersion(), evaluation.refractory(),
                evaluation.flags().stream().map(FlagView::of).toList(), evaluation.toRecord());
    }

    /**
     * The stored flag state of the given patients, read in one query without running any rule: badges for a list.
     * Patients never evaluated are absent. The caller has already checked that the actor may read them.
     */
    @Transactional
    public Map<Long, StoredFlagsView> storedFlagsOf(Collection<Long> patientIds) {
        Map<Long, StoredFlagsView> stored = new HashMap<>();
        if (patientIds.isEmpty()) {
            return stored;
        }
        for (PatientFlagState state : states.findWithFlags(patientIds)) {
            List<FlagCode> codes = state.flags.stream().map(flag -> flag.code).sorted().toList();
            stored.put(state.patientId, new StoredFlagsView(state.patientId, state.refractory, codes, state.latestTis,
                    state.latestResponse));
        }
        return stored;
    }

    /** Keeps the stored state in step with every write, inside the writing transaction. */
    void onRecordChanged(@Observes PatientRecordChanged change) {
        refresh(List.of(change.patientId()));
    }

    /**
     * Re-evaluates the given patients and stores the result, in the caller's transaction. The patients' rows are
     * locked first, so two transactions writing to one patient evaluate one after the other and the later one sees
     * the earlier one's write: the stored state never misses a committed write. The session is flushed so the
     * record read is the one this transaction wrote.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Collection<Long> patientIds) {
        refresh(patientIds, null);
    }

    /**
     * As {@link #refresh(Collection)}; with {@code onlyStaleFor} set, patients whose state was stored under that
     * rules version by the time their rows are locked (by a write, or by another instance re-evaluating the same
     * registry) are left as they are.
     */
    private void refresh(Collection<Long> patientIds, String onlyStaleFor) {
        if (patientIds.isEmpty()) {
            return;
        }
        withPatientsLocked(patientIds, (connection, rules, now) -> {
            Collection<Long> toEvaluate = onlyStaleFor == null ? patientIds
                    : states.withoutCurrentState(connection, patientIds, onlyStaleFor);
            if (toEvaluate.isEmpty()) {
                return;
            }
            // A large write (a CSV import) is read and stored a batch of patients at a time, so memory and each
            // query stay bounded.
            boolean parallel = toEvaluate.size() >= PARALLEL_RULES_FROM;
            for (List<Long> batch : batches(toEvaluate)) {
                store(connection, loader.load(connection, batch).values(), rules, now, parallel);
            }
        });
    }

    /** Work on the stored state of patients this transaction has locked, with the rules and the time of evaluation. */
    private interface LockedWork {
        void run(Connection connection, RuleConfig rules, Instant now) throws SQLException;
    }

    /**
     * Flushes the session, so the record read is the one this transaction wrote, locks the patients' rows until the
     * transaction ends ({@link #lockPatients}) and runs the work on the transaction's connection.
     */
    private void withPatientsLocked(Collection<Long> patientIds, LockedWork work) {
        em.flush();
        RuleConfig rules = rules();
        Instant now = Instant.now(clock);
        Session session = em.unwrap(Session.class);
        String forUpdate = session.getFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getForUpdateString();
        session.doWork(connection -> {
            lockPatients(connection, patientIds, forUpdate);
            work.run(connection, rules, now);
        });
    }

    /**
     * A reader of the committed records of patients the caller's transaction locks, for {@link #refreshAdded}; the
     * caller closes it when the transaction ends.
     */
    public CommittedRecords committedRecords() {
        return new CommittedRecords(loader, dataSource, CommittedRecords.MAX_VISITS_HELD);
    }

    /**
     * As {@link #refresh(Collection)}, after a transaction whose only change to its patients' records was to add these
     * rows (a CSV import): the same stored state, read at less cost. Once this transaction has locked a patient, no
     * other can commit a change to the patient's record, since every write refreshes its patients, taking the same
     * locks, before it commits. So the committed records are read on a connection of their own, on another thread
     * ({@code committed}: as the transaction locked them, or here a batch ahead), while this transaction reads back only
     * the rows it added; each record evaluated is the committed one with those rows added, exactly what this
     * transaction would read of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAdded(AddedRecords added, CommittedRecords committed) {
        Set<Long> patientIds = added.patients();
        if (patientIds.isEmpty()) {
            return;
        }
        // Locked already by a caller that read ahead; taken here for any other, before the first committed read.
        withPatientsLocked(patientIds, (connection, rules, now) -> {
            boolean parallel = patientIds.size() >= PARALLEL_RULES_FROM;
            List<List<Long>> batches = batches(patientIds);
            long waited = 0;
            long readAdded = 0;
            long evaluatedAndStored = 0;
            try {
                Future<Map<Long, PatientRecord>> next = committed.records(batches.get(0));
                for (int b = 0; b < batches.size(); b++) {
                    Future<Map<Long, PatientRecord>> current = next;
                    if (b + 1 < batches.size()) {
                        next = committed.records(batches.get(b + 1));
                    }
                    List<Long> batch = batches.get(b);
                    long started = System.nanoTime();
                    Map<Long, List<ScoredVisit>> visits = added.visitIds().isEmpty() ? Map.of()
                            : loader.readVisitsById(connection, AddedRecords.idsOf(added.visitIds(), batch));
                    Map<Long, List<TherapyPeriod>> therapies = added.therapyIds().isEmpty() ? Map.of()
                            : loader.readTherapiesById(connection, AddedRecords.idsOf(added.therapyIds(), batch));
                    long read = System.nanoTime();
                    Map<Long, PatientRecord> committedRecords = current.get();
                    long received = System.nanoTime();
                    List<PatientRecord> records = new ArrayList<>(batch.size());
                    for (PatientRecord record : committedRecords.values()) {
                        records.add(PatientRecordLoader.withAdded(record,
                                visits.getOrDefault(record.patientId(), List.of()),
                                therapies.getOrDefault(record.patientId(), List.of())));
                    }
                    store(connection, records, rules, now, parallel);
                    readAdded += read - started;
                    waited += received - read;
                    evaluatedAndStored += System.nanoTime() - received;
                }
                // Where a large import's refresh spends its time (DEBUG).
                LOG.debugf("Flag state of %d patients: added rows read in %.2f s, committed records waited for %.2f s,"
                        + " rules run and state stored in %.2f s", patientIds.size(), readAdded / 1e9, waited / 1e9,
                        evaluatedAndStored / 1e9);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Reading the patients' committed records was interrupted", interrupted);
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof SQLException cause) {
                    throw cause;
                }
                throw new IllegalStateException("Reading the patients' committed records failed", failed.getCause());
            }
        });
    }

    /** The ids ascending, in batches of {@value #BATCH_SIZE}. */
    private static List<List<Long>> batches(Collection<Long> patientIds) {
        List<Long> ids = patientIds.stream().sorted().toList();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE)));
        }
        return batches;
    }

    /** Runs the rules on the records, on every core for a large write (the rules are plain Java), and stores the states. */
    private void store(Connection connection, Collection<PatientRecord> records, RuleConfig rules, Instant now,
                       boolean parallel) throws SQLException {
        List<PatientFlagState> evaluated;
        if (parallel) {
            evaluated = records.parallelStream().map(record -> evaluate(record, rules, now)).toList();
        } else {
            evaluated = new ArrayList<>(records.size());
            for (PatientRecord record : records) {
                evaluated.add(evaluate(record, rules, now));
            }
        }
        states.replace(connection, evaluated);
    }

    /** The state a record evaluates to under the rules at {@code now}: what the refreshes store for its patient. */
    public static PatientFlagState evaluate(PatientRecord record, RuleConfig rules, Instant now) {
        Evaluation evaluation = RefractoryRules.evaluate(record, rules);
        PatientFlagState state = new PatientFlagState();
        state.patientId = record.patientId();
        state.rulesVersion = evaluation.rulesVersion();
        state.refractory = evaluation.refractory();
        state.visitCount = record.visits().size();
        state.evaluatedAt = now;
        TotalImprovementScoreResult latest = latestScore(record);
        state.latestTis = latest == null ? null : latest.tis();
        state.latestResponse = latest == null ? null : latest.response().name();
        for (Flag flag : evaluation.flags()) {
            state.flags.add(new StoredFlag(flag.code(), flag.since()));
        }
        return state;
    }

    /**
     * Locks the patients' rows until the transaction ends, lowest id first (one order, so no deadlock), with the
     * dialect's write lock: on PostgreSQL {@code FOR NO KEY UPDATE}. A writer has usually inserted a visit or therapy
     * first, whose foreign-key check took a key-share lock on the patient; two such writers asking for a plain
     * {@code FOR UPDATE} would each wait for the other's key-share lock (a deadlock), while the no-key lock only
     * waits for the other writer's own patient lock.
     */
    private static void lockPatients(Connection connection, Collection<Long> patientIds, String forUpdate) throws SQLException {
        for (List<Long> group : IdGroups.of(patientIds)) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM patients WHERE "
                    + IdGroups.condition("id", group) + " ORDER BY id" + forUpdate)) {
                IdGroups.bind(lock, 1, group);
                lock.executeQuery().close();
            }
        }
    }

    /**
     * Re-evaluates every patient whose stored state is missing or came from another rules version, in batches of
     * their own transactions, one batch per processor at a time; returns how many were evaluated. Run at start-up
     * after a change of thresholds.
     */
    public int refreshStale() {
        // One re-evaluation of the registry at a time in this instance: a second caller waits, then finds little left.
        synchronized (staleRefresh) {
            int evaluated = refreshStaleBatches();
            statesCurrent = true;
            return evaluated;
        }
    }

    /**
     * Returns once every stored state is under the current rules version, re-evaluating what is not (or waiting for
     * the start-up re-evaluation under way): cohort queries, counts, charts and exports read stored states, and none
     * of them may mix two rules versions. After the first time it costs nothing, since every write stores its
     * patient's state under the current version.
     */
    public void awaitCurrentStates() {
        if (!statesCurrent) {
            refreshStale();
        }
    }

    private int refreshStaleBatches() {
        String version = rules().version();
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        // Bounds the batches waiting in the pool, so ids are paged no further ahead than the workers can follow.
        Semaphore inFlight = new Semaphore(workers * 2);
        List<Future<?>> running = new ArrayList<>();
        long afterId = 0;
        int evaluated = 0;
        try {
            while (true) {
                long from = afterId;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> states.findStalePatientIds(version, from, BATCH_SIZE));
                if (ids.isEmpty()) {
                    break;
                }
                inFlight.acquireUninterruptibly();
                running.add(pool.submit(() -> {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> refresh(ids, version));
                    } finally {
                        inFlight.release();
                    }
                }));
                evaluated += ids.size();
                afterId = ids.get(ids.size() - 1);
            }
            for (Future<?> batch : running) {
                batch.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Re-evaluation of stored flags was interrupted", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("Re-evaluation of stored flags failed", failed.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.debugf("Re-evaluated %d patients under rules version %s", evaluated, version);
        return evaluated;
    }

    /** TIS of the latest visit against the first, for cohort rows; null with fewer than two visits. */
    private static TotalImprovementScoreResult latestScore(PatientRecord record) {
        List<ScoredVisit> visits = record.visits();
        if (visits.size() < 2) {
            return null;
        }
        return TotalImprovementScore.score(visits.get(0).measures(), visits.get(visits.size() - 1).measures(),
                record.responseCriteria());
    }
}
