package org.myotrack.importing;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorFactory;
import org.jboss.logging.Logger;
import org.myotrack.audit.AuditService;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.ProblemException;
import org.myotrack.common.ReadAhead;
import org.myotrack.patient.PatientRepository;
import org.myotrack.refractory.AddedRecords;
import org.myotrack.refractory.CommittedRecords;
import org.myotrack.refractory.FlagService;
import org.myotrack.security.Actor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Imports a clinic's CSV file of visits or therapies into its own site, all or nothing, in one transaction that reads
 * the file as it arrives (a thread of its own reads and validates the rows a few chunks ahead). Every row is checked as the REST endpoints check a single record; rows already recorded with
 * the same values are skipped, so sending a file again changes nothing. The stored flag state of every patient given
 * a new record is evaluated once, at the end.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Rows read, checked and written together: bounds the memory an import holds and the size of its look-ups. */
    static final int CHUNK_ROWS = 500;
    /** Chunks read and validated ahead of the one being stored. */
    static final int CHUNKS_AHEAD = 2;
    /** An import's transaction may last this long: a file at the default size limit takes about a minute. */
    static final int TIMEOUT_SECONDS = 900;

    @Inject
    VisitImport visitImport;

    @Inject
    TherapyImport therapyImport;

    @Inject
    PatientRepository patients;

    @Inject
    AuditService audit;

    @Inject
    FlagService flags;

    @Inject
    ValidatorFactory validators;

    /**
     * The requests' Bean Validation, as the REST endpoints run it, without asking JPA whether each property of a row is
     * loaded: the requests are plain records, never entities, so every property is there to check. Asking (and caching
     * the answers per row) was a third of the validation's time, and validation most of the reading thread's.
     */
    private Validator rowValidator;

    @PostConstruct
    void createRowValidator() {
        rowValidator = validators.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(new PlainRecords())
                .enableTraversableResolverResultCache(false)
                .getValidator();
    }

    /** Every property of a plain record is reachable and cascadable. */
    private static final class PlainRecords implements TraversableResolver {
        @Override
        public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                   Path pathToTraversableObject, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                    Path pathToTraversableObject, ElementType elementType) {
            return true;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    MyoTrackConfig config;

    @Inject
    Clock clock;

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public ImportReport importVisits(Actor actor, InputStream csv) {
        return importFile(actor, csv, visitImport);
    }

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public ImportReport importTherapies(Actor actor, InputStream csv) {
        return importFile(actor, csv, therapyImport);
    }

    private <R, E> ImportReport importFile(Actor actor, InputStream csv, RecordImport<R, E> kind) {
        if (!actor.isClinician() || actor.siteId() == null) {
            throw ProblemException.forbidden("Only clinicians import records, and only into their own site");
        }
        long started = System.nanoTime();
        // The committed records of the patients the file adds to are read on the other core as their rows are stored
        // (each patient is locked when the file first names it), so the flag state at the end reads only the new rows.
        try (CommittedRecords committed = flags.committedRecords()) {
            FileImport<R, E> file;
            try (CsvTable table = CsvTable.open(csv, config.importing().maxBytes().asLongValue(), kind.columns())) {
                file = new FileImport<>(kind, actor, new SitePatients(patients, actor.siteId()), rowValidator, audit,
                        committed, Instant.now(clock), table);
                FileImport<R, E> importing = file;
                ReadAhead.Source<FileImport<R, E>.Chunk> chunks = () -> {
                    List<CsvRow> rows = table.nextRows(CHUNK_ROWS);
                    return rows.isEmpty() ? null : importing.prepare(rows);
                };
                // Reading and validating the next rows overlaps storing these, on a second core; closing stops the
                // reading when a chunk fails, before the transaction rolls back.
                try (ReadAhead<FileImport<R, E>.Chunk> prepared = ReadAhead.start("csv-import-reader", CHUNKS_AHEAD, chunks)) {
                    for (FileImport<R, E>.Chunk chunk = prepared.next(); chunk != null; chunk = prepared.next()) {
                        file.importChunk(chunk);
                        // The stored records read to compare with need not stay managed: the session stays small.
                        em.clear();
                    }
                }
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            ImportReport report = file.finish();
            long written = System.nanoTime();
            AddedRecords added = file.added();
            flags.refreshAdded(added, committed);
            // Where an import's time goes, for an operator or a benchmark (DEBUG): the commit follows when this returns.
            LOG.debugf("Imported %d of %d rows for %d patients: read, checked and written in %.2f s, flag state in %.2f s",
                    report.created(), report.rows(), added.patients().size(), (written - started) / 1e9,
                    (System.nanoTime() - written) / 1e9);
            return report;
        }
    }
}
