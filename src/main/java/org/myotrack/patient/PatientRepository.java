package org.myotrack.patient;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.myotrack.common.JdbcValues.setIds;
import static org.myotrack.common.JdbcValues.setTexts;

/** Reads and stores patients. */
@ApplicationScoped
public class PatientRepository implements PanacheRepository<Patient> {

    /** The site's patients among an array of ids or external ids, locked lowest id first (one order: no deadlock). */
    private static final String LOCK_AT_SITE = "SELECT id, external_id, birth_date FROM patients WHERE site_id = ?"
            + " AND %s = ANY(?) ORDER BY id FOR UPDATE";

    /** Patients of one site (or of all sites when {@code siteId} is null), optionally of one subgroup, by registry code. */
    public PanacheQuery<Patient> findFiltered(Long siteId, Diagnosis diagnosis) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (siteId != null) {
            query.append(" and site.id = :siteId");
            parameters.and("siteId", siteId);
        }
        if (diagnosis != null) {
            query.append(" and diagnosis = :diagnosis");
            parameters.and("diagnosis", diagnosis);
        }
        return find(query.toString(), Sort.by("id"), parameters);
    }

    /**
     * Patients of one site (all sites when {@code siteId} is null) whose registry code or external id starts with
     * {@code text}, ignoring case, by registry code: what a clinic types to find a patient.
     */
    public PanacheQuery<Patient> search(Long siteId, String text) {
        StringBuilder query = new StringBuilder(
                "(upper(registryCode) like :text escape '!' or upper(externalId) like :text escape '!')");
        // The text is matched literally: % and _ typed by the user are escaped, not wildcards.
        Parameters parameters = Parameters.with("text", text.toUpperCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        if (siteId != null) {
            query.append(" and site.id = :siteId");
            parameters.and("siteId", siteId);
        }
        return find(query.toString(), Sort.by("registryCode"), parameters);
    }

    /** Loads a patient and locks its row for the rest of the transaction, so concurrent edits queue up. */
    public Optional<Patient> findByIdForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The next pseudonymous registry code, {@code P000001} onwards, from its own database sequence. */
    public String nextRegistryCode() {
        String nextValue = getEntityManager().unwrap(Session.class).getFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("registry_codes_seq");
        Number next = (Number) getEntityManager().createNativeQuery(nextValue).getSingleResult();
        return String.format("P%06d", next.longValue());
    }

    public boolean existsExternalId(long siteId, String externalId, Long exceptPatientId) {
        return count("site.id = ?1 and externalId = ?2 and id <> ?3", siteId, externalId,
                exceptPatientId == null ? -1L : exceptPatientId) > 0;
    }

    /**
     * The site's patients among the given registry ids and external ids, in two round trips at most, their rows
     * locked for the rest of the transaction. Patients of other sites are not returned: to the caller they do not
     * exist. Imports lock the patients they write to, so a second upload of the same file waits for the first and
     * then finds its records stored, rather than storing them twice.
     */
    public List<PatientIdentity> lockAtSite(long siteId, Collection<Long> ids, Collection<String> externalIds) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<PatientIdentity> found = new ArrayList<>();
            if (!ids.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(LOCK_AT_SITE.formatted("id"))) {
                    select.setLong(1, siteId);
                    setIds(select, 2, ids);
                    readIdentities(select, found);
                }
            }
            if (!externalIds.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(LOCK_AT_SITE.formatted("external_id"))) {
                    select.setLong(1, siteId);
                    setTexts(select, 2, externalIds);
                    readIdentities(select, found);
                }
            }
            return found;
        });
    }

    private static void readIdentities(PreparedStatement select, List<PatientIdentity> found) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new PatientIdentity(rows.getLong(1), rows.getString(2), rows.getObject(3, LocalDate.class)));
            }
        }
    }
}
