package org.myotrack.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.myotrack.patient.AntibodyResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the patients of a cohort from indexes and the stored flag state alone: one query returns a page of ids,
 * another counts them; no rule is evaluated and no patient is loaded to decide membership.
 */
@ApplicationScoped
public class CohortRepository {

    @Inject
    EntityManager em;

    /** Ids of matching patients after {@code afterId}, in id order: a keyset page, stable while the cohort streams. */
    public List<Long> patientIds(CohortCriteria criteria, long afterId, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(criteria, parameters);
        TypedQuery<Long> query = em.createQuery("select p.id from Patient p where p.id > :afterId" + where + " order by p.id", Long.class)
                .setParameter("afterId", afterId)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Ids of one page of matching patients by offset, for paged API answers. */
    public List<Long> patientIdsPage(CohortCriteria criteria, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(criteria, parameters);
        TypedQuery<Long> query = em.createQuery("select p.id from Patient p where 1 = 1" + where + " order by p.id", Long.class)
                .setFirstResult(page * size)
                .setMaxResults(size);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    public long count(CohortCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(criteria, parameters);
        TypedQuery<Long> query = em.createQuery("select count(p) from Patient p where 1 = 1" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(CohortCriteria criteria, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (criteria.diagnosis() != null) {
            where.append(" and p.diagnosis = :diagnosis");
            parameters.put("diagnosis", criteria.diagnosis());
        }
        if (criteria.siteCode() != null) {
            where.append(" and p.site.code = :siteCode");
            parameters.put("siteCode", criteria.siteCode());
        }
        if (criteria.antibody() != null) {
            // The latest result of that antibody is positive (a later negative retest overrides an old positive).
            where.append(" and exists (select 1 from Autoantibody a where a.patient = p and a.antibody = :antibody"
                    + " and a.result = :positive and not exists (select 1 from Autoantibody b where b.patient = p"
                    + " and b.antibody = :antibody and b.testDate > a.testDate))");
            parameters.put("antibody", criteria.antibody());
            parameters.put("positive", AntibodyResult.POSITIVE);
        }
        if (criteria.refractory() != null) {
            if (criteria.refractory()) {
                where.append(" and exists (select 1 from PatientFlagState s where s.patientId = p.id and s.refractory = true)");
            } else {
                where.append(" and not exists (select 1 from PatientFlagState s where s.patientId = p.id and s.refractory = true)");
            }
        }
        if (criteria.flag() != null) {
            where.append(" and exists (select 1 from PatientFlagState s join s.flags f where s.patientId = p.id and f.code = :flag)");
            parameters.put("flag", criteria.flag());
        }
        if (criteria.drug() != null) {
            where.append(" and exists (select 1 from Therapy t where t.patientId = p.id and t.drug = :drug and t.deletedAt is null)");
            parameters.put("drug", criteria.drug());
        }
        if (criteria.from() != null || criteria.to() != null) {
            where.append(" and exists (select 1 from Visit v where v.patientId = p.id and v.deletedAt is null");
            if (criteria.from() != null) {
                where.append(" and v.visitDate >= :from");
                parameters.put("from", criteria.from());
            }
            if (criteria.to() != null) {
                where.append(" and v.visitDate <= :to");
                parameters.put("to", criteria.to());
            }
            where.append(")");
        }
        return where.toString();
    }
}
