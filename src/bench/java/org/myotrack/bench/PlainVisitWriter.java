package org.myotrack.bench;

import static org.myotrack.common.JdbcValues.setBoolean;
import static org.myotrack.common.JdbcValues.setDecimal;
import static org.myotrack.common.JdbcValues.setInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;
import org.myotrack.visit.VisitView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the import writes for a new visit, written by the plain-JDBC baselines in statement batches on one
 * connection: the visit, its enzyme results (unit U/L when none is given, as the registry stores them) and, when
 * audited, one audit event holding the visit as the API shows it, in JSON. Ids are taken in order from the first ones
 * given; the caller moves the sequences past them after its commit.
 */
final class PlainVisitWriter implements AutoCloseable {

    /** A visit row; bound by {@link #bindVisit}. */
    static final String INSERT_VISIT = "INSERT INTO visits (id, patient_id, visit_date,"
            + " physician_global_activity, patient_global_activity, mmt8, mmt8_max, cmas, haq, extramuscular_activity,"
            + " physician_global_damage, patient_global_damage, mdi_extent, mdi_severity, sf36_pcs, sf36_mcs,"
            + " functional_index, body_weight_kg, cdasi_activity, dysphagia, finger_flexor_weakness, quadriceps_weakness,"
            + " notes, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    /** An enzyme result row; bound by {@link #bindEnzyme}. */
    static final String INSERT_ENZYME = "INSERT INTO enzyme_results (id, visit_id, test, test_value, uln, unit)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private final PreparedStatement visits;
    private final PreparedStatement enzymes;
    private final PreparedStatement events;
    private final String username;
    private final ObjectMapper json;
    private final Timestamp now;
    private long visitId;
    private long enzymeId;
    private long auditId;
    private long enzymeCount;

    PlainVisitWriter(Connection connection, String username, ObjectMapper json, Timestamp now, long firstVisitId,
                     long firstEnzymeId, long firstAuditId) throws SQLException {
        this.username = username;
        this.json = json;
        this.now = now;
        this.visitId = firstVisitId;
        this.enzymeId = firstEnzymeId;
        this.auditId = firstAuditId;
        visits = connection.prepareStatement(INSERT_VISIT);
        enzymes = connection.prepareStatement(INSERT_ENZYME);
        events = connection.prepareStatement("INSERT INTO audit_events (id, occurred_at,"
                + " username, action, entity_type, entity_id, patient_id, old_value, new_value)"
                + " VALUES (?, ?, ?, 'CREATE', 'VISIT', ?, ?, NULL, ?)");
    }

    /** Adds the visit's rows to the batches; returns its id. */
    long add(long patientId, VisitRequest v, boolean audited) throws Exception {
        long id = visitId++;
        bindVisit(visits, id, patientId, v, now);
        visits.addBatch();
        List<EnzymeEntry> stored = new ArrayList<>();
        if (v.enzymes() != null) {
            for (EnzymeEntry enzyme : v.enzymes()) {
                stored.add(bindEnzyme(enzymes, enzymeId++, id, enzyme));
                enzymes.addBatch();
                enzymeCount++;
            }
        }
        if (audited) {
            VisitView view = new VisitView(id, patientId, v.visitDate(), v.physicianGlobalActivity(),
                    v.patientGlobalActivity(), v.mmt8(), v.mmt8Max(), v.cmas(), v.haq(), v.extramuscularActivity(), stored,
                    v.physicianGlobalDamage(), v.patientGlobalDamage(), v.mdiExtent(), v.mdiSeverity(), v.sf36Pcs(),
                    v.sf36Mcs(), v.functionalIndex(), v.bodyWeightKg(), v.cdasiActivity(), v.dysphagia(),
                    v.fingerFlexorWeakness(), v.quadricepsWeakness(), v.notes(), 0L);
            events.setLong(1, auditId++);
            events.setTimestamp(2, now);
            events.setString(3, username);
            events.setLong(4, id);
            events.setLong(5, patientId);
            events.setString(6, json.writeValueAsString(view));
            events.addBatch();
        }
        return id;
    }

    /** Binds {@link #INSERT_VISIT} to the visit's values, created and updated {@code now}. */
    static void bindVisit(PreparedStatement insert, long id, long patientId, VisitRequest v, Timestamp now)
            throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, patientId);
        insert.setObject(3, v.visitDate());
        setDecimal(insert, 4, v.physicianGlobalActivity());
        setDecimal(insert, 5, v.patientGlobalActivity());
        setInteger(insert, 6, v.mmt8());
        setInteger(insert, 7, v.mmt8Max());
        setInteger(insert, 8, v.cmas());
        setDecimal(insert, 9, v.haq());
        setDecimal(insert, 10, v.extramuscularActivity());
        setDecimal(insert, 11, v.physicianGlobalDamage());
        setDecimal(insert, 12, v.patientGlobalDamage());
        setInteger(insert, 13, v.mdiExtent());
        setDecimal(insert, 14, v.mdiSeverity());
        setDecimal(insert, 15, v.sf36Pcs());
        setDecimal(insert, 16, v.sf36Mcs());
        setDecimal(insert, 17, v.functionalIndex());
        setDecimal(insert, 18, v.bodyWeightKg());
        setInteger(insert, 19, v.cdasiActivity());
        setBoolean(insert, 20, v.dysphagia());
        setBoolean(insert, 21, v.fingerFlexorWeakness());
        setBoolean(insert, 22, v.quadricepsWeakness());
        insert.setString(23, v.notes());
        insert.setTimestamp(24, now);
        insert.setTimestamp(25, now);
    }

    /** Binds {@link #INSERT_ENZYME} to the result; returns it as stored, with U/L when it names no unit. */
    static EnzymeEntry bindEnzyme(PreparedStatement insert, long id, long visitId, EnzymeEntry enzyme) throws SQLException {
        String unit = enzyme.unit() == null ? VisitService.DEFAULT_ENZYME_UNIT : enzyme.unit();
        insert.setLong(1, id);
        insert.setLong(2, visitId);
        insert.setString(3, enzyme.test().name());
        insert.setDouble(4, enzyme.value());
        insert.setDouble(5, enzyme.uln());
        insert.setString(6, unit);
        return new EnzymeEntry(enzyme.test(), enzyme.value(), enzyme.uln(), unit);
    }

    /** Sends the batches. */
    void flush() throws SQLException {
        visits.executeBatch();
        enzymes.executeBatch();
        events.executeBatch();
    }

    long nextVisitId() {
        return visitId;
    }

    long nextEnzymeId() {
        return enzymeId;
    }

    long nextAuditId() {
        return auditId;
    }

    /** Enzyme results written so far. */
    long enzymes() {
        return enzymeCount;
    }

    @Override
    public void close() throws SQLException {
        try (visits; enzymes; events) {
            // Closes the three statements, each even if another fails.
        }
    }
}
