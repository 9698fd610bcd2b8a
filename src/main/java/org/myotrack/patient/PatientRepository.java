package org.myotrack.patient;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.Locale;
import java.util.Optional;

/** Reads and stores patients. */
@ApplicationScoped
public class PatientRepository implements PanacheRepository<Patient> {

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
}
