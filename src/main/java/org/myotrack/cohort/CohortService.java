package org.myotrack.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.myotrack.cohort.export.BirthYears;
import org.myotrack.common.IdGroups;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.LatestSerology;
import org.myotrack.refractory.FlagService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers cohort queries a page at a time from indexes and the stored flag state: one query for the page's ids,
 * one for the count, and three for the rows of the page (patients with their state, serology, flags). No rule is
 * evaluated and no patient is loaded one by one.
 */
@ApplicationScoped
public class CohortService {

    @Inject
    CohortRepository cohorts;

    @Inject
    FlagService flags;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public PageView<CohortRow> query(CohortCriteria criteria, PageRequest page) {
        cohorts.requireKnownSite(criteria);
        flags.awaitCurrentStates();
        long total = cohorts.count(criteria);
        List<Long> ids = cohorts.patientIdsPage(criteria, page.page(), page.size());
        int year = LocalDate.now(clock).getYear();
        List<CohortRow> rows = ids.isEmpty() ? List.of()
                : em.unwrap(Session.class).doReturningWork(connection -> rows(connection, ids, year));
        return new PageView<>(rows, page.page(), page.size(), total);
    }

    /** How many patients the cohort holds, from indexes and the stored flag state. */
    @Transactional
    public long count(CohortCriteria criteria) {
        flags.awaitCurrentStates();
        return cohorts.count(criteria);
    }

    private static List<CohortRow> rows(Connection connection, List<Long> ids, int year) throws SQLException {
        Map<Long, List<String>> antibodies = positiveAntibodies(connection, ids);
        Map<Long, List<String>> flags = new HashMap<>();
        Map<Long, CohortRow> rows = new LinkedHashMap<>();
        for (List<Long> group : IdGroups.of(ids)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT patient_id, code FROM patient_flags WHERE "
                    + IdGroups.condition("patient_id", group) + " ORDER BY patient_id, code")) {
                IdGroups.bind(statement, 1, group);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        flags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT p.id, p.registry_code, s.code, p.diagnosis,"
                    + " p.sex, p.birth_date, p.juvenile, f.visit_count, f.latest_tis, f.latest_response, f.refractory,"
                    + " f.rules_version"
                    + " FROM patients p JOIN sites s ON s.id = p.site_id LEFT JOIN patient_flag_states f ON f.patient_id = p.id"
                    + " WHERE " + IdGroups.condition("p.id", group) + " ORDER BY p.id")) {
                IdGroups.bind(statement, 1, group);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long id = row.getLong(1);
                        int birthYear = row.getObject(6, LocalDate.class).getYear();
                        boolean withheld = BirthYears.label(birthYear, year, 1).equals(BirthYears.WITHHELD);
                        double tis = row.getDouble(9);
                        Double latestTis = row.wasNull() ? null : tis;
                        rows.put(id, new CohortRow(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                                withheld ? null : birthYear, withheld, row.getBoolean(7),
                                antibodies.getOrDefault(id, List.of()), row.getInt(8), latestTis, row.getString(10),
                                row.getBoolean(11), flags.getOrDefault(id, List.of()), row.getString(12)));
                    }
                }
            }
        }
        List<CohortRow> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            CohortRow row = rows.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    /** Per patient, the antibodies whose latest result is positive ({@link LatestSerology}), by name. */
    private static Map<Long, List<String>> positiveAntibodies(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, LatestSerology> latest = new HashMap<>();
        for (List<Long> group : IdGroups.of(ids)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT patient_id, antibody, test_result, test_date"
                    + " FROM autoantibodies WHERE " + IdGroups.condition("patient_id", group))) {
                IdGroups.bind(statement, 1, group);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        latest.computeIfAbsent(row.getLong(1), id -> new LatestSerology()).add(Antibody.valueOf(row.getString(2)),
                                AntibodyResult.valueOf(row.getString(3)), row.getObject(4, LocalDate.class));
                    }
                }
            }
        }
        Map<Long, List<String>> positive = new HashMap<>();
        latest.forEach((id, serology) -> positive.put(id, serology.positive().stream().map(Enum::name).sorted().toList()));
        return positive;
    }
}
