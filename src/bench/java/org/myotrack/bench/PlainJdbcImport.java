package org.myotrack.bench;

import static org.myotrack.common.JdbcValues.setIds;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientFlagState;
import org.myotrack.refractory.PatientFlagStateRepository;
import org.myotrack.refractory.PatientRecord;
import org.myotrack.refractory.PatientRecordLoader;
import org.myotrack.refractory.RuleConfig;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The visit import's whole work written by hand with plain JDBC on one connection, in one transaction: the baseline
 * "doing the same work" that the import is measured against. It reads the file with Commons CSV; reads every cell as
 * its type and checks it against the ranges and steps of the visit request, the MMT-8 scale pairing, the enzyme value
 * and ULN pairs and the visit date's bounds (the patient's birth date, today); locks the site's patients as the file
 * first names them and reads their stored visit dates then; skips a row whose date is stored and refuses a date the
 * file repeats; inserts the visits, their enzyme results and one audit event each holding the visit as JSON, in
 * statement batches, a chunk of rows at a time; then reads the records of the patients given a visit (the registry's
 * own plain-JDBC record loader), runs the refractory rules and stores their flag state, as the import does before it
 * commits. What it leaves out of the import: HTTP, Bean Validation, the row-by-row refusal report, and the reading of
 * committed records beside the transaction.
 */
final class PlainJdbcImport {

    /** Rows checked and written together, as the import's chunks. */
    private static final int CHUNK_ROWS = 500;
    /** Patients whose flag state is evaluated and stored together. */
    private static final int FLAG_BATCH = 500;
    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal EIGHTH = new BigDecimal("0.125");
    private static final BigDecimal ENZYME_MAX = new BigDecimal("9999999999");

    /** A decimal measure: its column, its range and its step. */
    private record Measure(String column, BigDecimal min, BigDecimal max, BigDecimal step) {
    }

    private static final List<Measure> DECIMALS = List.of(
            new Measure("physicianGlobalActivity", BigDecimal.ZERO, BigDecimal.TEN, TENTH),
            new Measure("patientGlobalActivity", BigDecimal.ZERO, BigDecimal.TEN, TENTH),
            new Measure("haq", BigDecimal.ZERO, BigDecimal.valueOf(3), EIGHTH),
            new Measure("extramuscularActivity", BigDecimal.ZERO, BigDecimal.TEN, TENTH),
            new Measure("physicianGlobalDamage", BigDecimal.ZERO, BigDecimal.TEN, TENTH),
            new Measure("patientGlobalDamage", BigDecimal.ZERO, BigDecimal.TEN, TENTH),
            new Measure("mdiSeverity", BigDecimal.ZERO, BigDecimal.valueOf(110), TENTH),
            new Measure("sf36Pcs", BigDecimal.ZERO, BigDecimal.valueOf(100), TENTH),
            new Measure("sf36Mcs", BigDecimal.ZERO, BigDecimal.valueOf(100), TENTH),
            new Measure("functionalIndex", BigDecimal.ZERO, BigDecimal.valueOf(100), TENTH));

    /** One row read and checked: the visit it records, for the patient it names. */
    private record Row(long patientId, VisitRequest visit) {
    }

    private final Connection connection;
    private final long siteId;
    private final String username;
    private final ObjectMapper json;
    private final PatientRecordLoader loader;
    private final PatientFlagStateRepository states;
    private final RuleConfig rules;
    private final Timestamp now;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /** Birth dates of the site's patients the file has named, by id. */
    private final Map<Long, LocalDate> birthDates = new HashMap<>();
    /** Patients the file named that are not at the site. */
    private final Set<Long> absent = new HashSet<>();
    /** Stored and new visit dates of every patient the file named: a repeated date is refused, a stored one skipped. */
    private final Map<Long, Set<LocalDate>> storedDates = new HashMap<>();
    private final Map<Long, Set<LocalDate>> fileDates = new HashMap<>();
    private final Set<Long> given = new TreeSet<>();
    private PlainVisitWriter writer;
    private int refused;
    private int written;
    private double rowsSeconds;
    private double flagStateSeconds;

    PlainJdbcImport(Connection connection, long siteId, String username, ObjectMapper json, PatientRecordLoader loader,
                    PatientFlagStateRepository states, RuleConfig rules, Timestamp now) {
        this.connection = connection;
        this.siteId = siteId;
        this.username = username;
        this.json = json;
        this.loader = loader;
        this.states = states;
        this.rules = rules;
        this.now = now;
    }

    /**
     * Imports the file in the connection's transaction, which the caller commits; ids are taken from the first ones
     * given on ({@link #nextVisitId()} and the others tell where they ended). Returns the visits written; throws when
     * any row is refused.
     */
    int run(Path file, long firstVisitId, long firstEnzymeId, long firstAuditId) throws Exception {
        long started = System.nanoTime();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
             PlainVisitWriter visits = new PlainVisitWriter(connection, username, json, now, firstVisitId, firstEnzymeId,
                     firstAuditId)) {
            writer = visits;
            List<CSVRecord> chunk = new ArrayList<>(CHUNK_ROWS);
            for (CSVRecord record : parser) {
                chunk.add(record);
                if (chunk.size() == CHUNK_ROWS) {
                    importChunk(chunk);
                    chunk.clear();
                }
            }
            importChunk(chunk);
        }
        if (refused > 0) {
            throw new IllegalStateException(refused + " row(s) of the file refused by the plain-JDBC import");
        }
        long rowsDone = System.nanoTime();
        storeFlagState();
        rowsSeconds = (rowsDone - started) / 1e9;
        flagStateSeconds = (System.nanoTime() - rowsDone) / 1e9;
        return written;
    }

    /** The patients given a visit, ascending. */
    List<Long> patients() {
        return List.copyOf(given);
    }

    /** How long the rows took to read, check and write. */
    double rowsSeconds() {
        return rowsSeconds;
    }

    /** How long the flag state of the patients took to evaluate and store. */
    double flagStateSeconds() {
        return flagStateSeconds;
    }

    long nextVisitId() {
        return writer.nextVisitId();
    }

    long nextEnzymeId() {
        return writer.nextEnzymeId();
    }

    long nextAuditId() {
        return writer.nextAuditId();
    }

    private void importChunk(List<CSVRecord> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(chunk.size());
        Set<Long> named = new TreeSet<>();
        for (CSVRecord record : chunk) {
            Row row = read(record);
            if (row == null) {
                refused++;
            } else {
                rows.add(row);
                if (!birthDates.containsKey(row.patientId()) && !absent.contains(row.patientId())) {
                    named.add(row.patientId());
                }
            }
        }
        lockAndReadDates(named);
        for (Row row : rows) {
            LocalDate birth = birthDates.get(row.patientId());
            LocalDate visitDate = row.visit().visitDate();
            if (birth == null || visitDate.isBefore(birth)
                    || !fileDates.computeIfAbsent(row.patientId(), id -> new HashSet<>()).add(visitDate)) {
                refused++;
                continue;
            }
            if (storedDates.get(row.patientId()).contains(visitDate) || refused > 0) {
                continue;
            }
            writer.add(row.patientId(), row.visit(), true);
            given.add(row.patientId());
            written++;
        }
        writer.flush();
    }

    /** The row's cells as their types, checked as the visit request and the visit service check them; null if refused. */
    private Row read(CSVRecord record) {
        try {
            long patientId = Long.parseLong(record.get("patientId").strip());
            LocalDate visitDate = LocalDate.parse(record.get("visitDate").strip());
            if (visitDate.isAfter(today)) {
                return null;
            }
            Double[] decimals = new Double[DECIMALS.size()];
            boolean anyMeasure = false;
            for (int i = 0; i < DECIMALS.size(); i++) {
                Measure measure = DECIMALS.get(i);
                BigDecimal value = decimal(record, measure.column());
                if (value != null) {
                    if (value.compareTo(measure.min()) < 0 || value.compareTo(measure.max()) > 0
                            || value.remainder(measure.step()).signum() != 0) {
                        return null;
                    }
                    decimals[i] = value.doubleValue();
                    anyMeasure = true;
                }
            }
            Integer mmt8 = whole(record, "mmt8", 0, 150);
            Integer mmt8Max = whole(record, "mmt8Max", 0, 150);
            Integer cmas = whole(record, "cmas", 0, 52);
            Integer mdiExtent = whole(record, "mdiExtent", 0, 38);
            if (mmt8Max != null && !VisitService.MMT8_SCALES.contains(mmt8Max)
                    || (mmt8 == null) != (mmt8Max == null) || (mmt8 != null && mmt8 > mmt8Max)) {
                return null;
            }
            List<EnzymeEntry> enzymes = new ArrayList<>(2);
            for (EnzymeTest test : EnzymeTest.values()) {
                String column = test.name().toLowerCase(Locale.ROOT);
                BigDecimal value = decimal(record, column);
                BigDecimal uln = decimal(record, column + "Uln");
                if (value == null && uln == null) {
                    continue;
                }
                if (value == null || uln == null || value.signum() < 0 || value.compareTo(ENZYME_MAX) > 0
                        || uln.signum() <= 0 || uln.compareTo(ENZYME_MAX) > 0) {
                    return null;
                }
                enzymes.add(new EnzymeEntry(test, value.doubleValue(), uln.doubleValue(), null));
            }
            String notes = record.get("notes");
            if (notes.isEmpty()) {
                notes = null;
            } else if (notes.length() > 4000) {
                return null;
            }
            anyMeasure |= mmt8 != null || cmas != null || mdiExtent != null || !enzymes.isEmpty();
            if (!anyMeasure) {
                return null;
            }
            return new Row(patientId, new VisitRequest(visitDate, decimals[0], decimals[1], mmt8, mmt8Max, cmas, decimals[2],
                    decimals[3], enzymes.isEmpty() ? null : enzymes, decimals[4], decimals[5], mdiExtent, decimals[6],
                    decimals[7], decimals[8], decimals[9], null, null, null, null, null, notes, null));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException unreadable) {
            return null;
        }
    }

    private static BigDecimal decimal(CSVRecord record, String column) {
        String cell = record.get(column).strip();
        return cell.isEmpty() ? null : new BigDecimal(cell);
    }

    private static Integer whole(CSVRecord record, String column, int min, int max) {
        BigDecimal value = decimal(record, column);
        if (value == null) {
            return null;
        }
        int whole = value.stripTrailingZeros().intValueExact();
        if (whole < min || whole > max) {
            throw new NumberFormatException(column + " out of range");
        }
        return whole;
    }

    /** Locks the site's patients the chunk names for the first time and reads their birth dates and stored visit dates. */
    private void lockAndReadDates(Set<Long> named) throws SQLException {
        if (named.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT id, birth_date FROM patients WHERE site_id = ?"
                + " AND id = ANY(?) ORDER BY id FOR UPDATE")) {
            lock.setLong(1, siteId);
            setIds(lock, 2, named);
            try (ResultSet found = lock.executeQuery()) {
                while (found.next()) {
                    birthDates.put(found.getLong(1), found.getObject(2, LocalDate.class));
                    storedDates.put(found.getLong(1), new HashSet<>());
                }
            }
        }
        for (Long id : named) {
            if (!birthDates.containsKey(id)) {
                absent.add(id);
            }
        }
        try (PreparedStatement dates = connection.prepareStatement("SELECT patient_id, visit_date FROM visits"
                + " WHERE patient_id = ANY(?) AND deleted_at IS NULL")) {
            setIds(dates, 1, named);
            try (ResultSet stored = dates.executeQuery()) {
                while (stored.next()) {
                    storedDates.get(stored.getLong(1)).add(stored.getObject(2, LocalDate.class));
                }
            }
        }
    }

    /** The flag state of every patient given a visit, from the record as this transaction now reads it. */
    private void storeFlagState() throws SQLException {
        List<Long> patients = patients();
        Instant evaluatedAt = now.toInstant();
        for (int from = 0; from < patients.size(); from += FLAG_BATCH) {
            Map<Long, PatientRecord> records = loader.load(connection, patients.subList(from,
                    Math.min(patients.size(), from + FLAG_BATCH)));
            List<PatientFlagState> evaluated = records.values().parallelStream()
                    .map(record -> FlagService.evaluate(record, rules, evaluatedAt)).toList();
            states.replace(connection, evaluated);
        }
    }
}
