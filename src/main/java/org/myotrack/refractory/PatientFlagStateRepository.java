package org.myotrack.refractory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.myotrack.common.IdGroups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes the stored evaluation of each patient. */
@ApplicationScoped
public class PatientFlagStateRepository implements PanacheRepositoryBase<PatientFlagState, Long> {

    /** Ids of patients never evaluated or evaluated by another rules version, after {@code afterId}, in id order. */
    public List<Long> findStalePatientIds(String rulesVersion, long afterId, int limit) {
        return getEntityManager().createQuery(
                        "select p.id from Patient p where p.id > :afterId and not exists (select 1 from PatientFlagState s"
                                + " where s.patientId = p.id and s.rulesVersion = :version) order by p.id", Long.class)
                .setParameter("afterId", afterId)
                .setParameter("version", rulesVersion)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Those of the given patients whose stored state is missing or from another rules version, on the connection. */
    public List<Long> withoutCurrentState(Connection connection, Collection<Long> patientIds, String rulesVersion)
            throws SQLException {
        Set<Long> current = new HashSet<>();
        for (List<Long> group : IdGroups.of(patientIds)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT patient_id FROM patient_flag_states WHERE "
                    + IdGroups.condition("patient_id", group) + " AND rules_version = ?")) {
                int next = IdGroups.bind(select, 1, group);
                select.setString(next, rulesVersion);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        current.add(rows.getLong(1));
                    }
                }
            }
        }
        List<Long> stale = new ArrayList<>(patientIds.size());
        for (Long id : patientIds) {
            if (!current.contains(id)) {
                stale.add(id);
            }
        }
        return stale;
    }

    /** The stored states of the given patients with their flags, in one query. */
    public List<PatientFlagState> findWithFlags(Collection<Long> patientIds) {
        return getEntityManager().createQuery("select distinct s from PatientFlagState s left join fetch s.flags"
                        + " where s.patientId in :ids", PatientFlagState.class)
                .setParameter("ids", patientIds)
                .getResultList();
    }

    /**
     * Replaces the stored evaluation of each given patient, with statement batches on the caller's connection: the
     * flags are deleted, the state row updated (or inserted when the patient has none yet) and the flags inserted.
     * Portable SQL, so it runs the same on H2 and PostgreSQL.
     */
    public void replace(Connection connection, Collection<PatientFlagState> evaluated) throws SQLException {
        if (evaluated.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM patient_flags WHERE patient_id = ?")) {
            for (PatientFlagState state : evaluated) {
                delete.setLong(1, state.patientId);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        List<PatientFlagState> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE patient_flag_states SET rules_version = ?,"
                + " refractory = ?, visit_count = ?, latest_tis = ?, latest_response = ?, evaluated_at = ? WHERE patient_id = ?")) {
            for (PatientFlagState state : evaluated) {
                bindState(update, state);
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            int i = 0;
            for (PatientFlagState state : evaluated) {
                if (updated[i++] == 0) {
                    missing.add(state);
                }
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO patient_flag_states (rules_version,"
                    + " refractory, visit_count, latest_tis, latest_response, evaluated_at, patient_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (PatientFlagState state : missing) {
                    bindState(insert, state);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO patient_flags (patient_id, code, since) VALUES (?, ?, ?)")) {
            boolean any = false;
            for (PatientFlagState state : evaluated) {
                for (StoredFlag flag : state.flags) {
                    insert.setLong(1, state.patientId);
                    insert.setString(2, flag.code.name());
                    insert.setObject(3, flag.since);
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    /** Binds the state's columns in the order both the update and the insert name them, the patient id last. */
    private static void bindState(PreparedStatement statement, PatientFlagState state) throws SQLException {
        statement.setString(1, state.rulesVersion);
        statement.setBoolean(2, state.refractory);
        statement.setInt(3, state.visitCount);
        if (state.latestTis == null) {
            statement.setNull(4, Types.DECIMAL);
        } else {
            statement.setBigDecimal(4, java.math.BigDecimal.valueOf(state.latestTis));
        }
        statement.setString(5, state.latestResponse);
        statement.setObject(6, state.evaluatedAt.atOffset(ZoneOffset.UTC));
        statement.setLong(7, state.patientId);
    }
}
