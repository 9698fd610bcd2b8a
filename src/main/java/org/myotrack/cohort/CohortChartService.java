package org.myotrack.cohort;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.myotrack.chart.AntibodyGroupShare;
import org.myotrack.chart.CohortChartRenderer;
import org.myotrack.chart.DrugPeriod;
import org.myotrack.chart.FlagOnset;
import org.myotrack.chart.ResponseShare;
import org.myotrack.chart.SwimmerLane;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.LatestSerology;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientFlagState;
import org.myotrack.refractory.PatientRecord;
import org.myotrack.refractory.PatientRecordLoader;
import org.myotrack.refractory.PatientRecordLoader.PatientVisits;
import org.myotrack.scoring.RiseFromZero;
import org.myotrack.scoring.Trajectory;
import org.myotrack.scoring.TrajectoryPoint;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The coordinators' cohort charts, over the same filters as {@code /api/cohort}. Patients are read in batches of
 * their own transactions, or streamed by one query, so a cohort of any size is charted without holding it in memory;
 * only pseudonymous registry codes and times relative to each patient's start appear.
 */
@ApplicationScoped
public class CohortChartService {

    /** Patients read per transaction. */
    static final int BATCH = 500;
    /** Width, in months, of the time-since-diagnosis bins of {@code response-over-time}. */
    static final int MONTHS_PER_BIN = 6;
    /** Patients drawn in a swimmer chart: more would not be readable as rows. */
    static final int SWIMMER_LANES = 40;

    @Inject
    CohortRepository cohort;

    @Inject
    PatientRecordLoader loader;

    @Inject
    FlagService flags;

    @Inject
    EntityManager em;

    public byte[] chart(String name, CohortCriteria criteria, int width, int height) {
        QuarkusTransaction.requiringNew().run(() -> cohort.requireKnownSite(criteria));
        flags.awaitCurrentStates();
        return switch (name) {
            case "response-over-time" -> CohortChartRenderer.responseOverTime(responseOverTime(criteria), width, height);
            case "refractory-by-antibody" -> CohortChartRenderer.refractoryByAntibody(refractoryByAntibody(criteria), width, height);
            case "therapy-swimmer" -> CohortChartRenderer.therapySwimmer(therapySwimmer(criteria), width, height);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Patients per response category (latest visit of each 6-month bin, TIS against the first visit) by months since diagnosis. */
    List<ResponseShare> responseOverTime(CohortCriteria criteria) {
        Map<Integer, Map<String, Integer>> counts = new TreeMap<>();
        RiseFromZero riseFromZero = flags.rules().riseFromZero();
        // Only the visits are read: the chart scores trajectories and needs no serology, therapy or investigation.
        forEachBatchOfIds(criteria, ids -> {
            for (PatientVisits record : loader.loadVisits(ids).values()) {
                if (record.visits().size() < 2) {
                    continue;
                }
                LocalDate start = record.diagnosisDate() != null ? record.diagnosisDate() : record.visits().get(0).date();
                Map<Integer, String> latestPerBin = new TreeMap<>();
                for (TrajectoryPoint point : Trajectory.score(record.visits(), 0, record.responseCriteria(), riseFromZero)) {
                    if (point.improvement() != null) {
                        long months = Math.max(0, ChronoUnit.MONTHS.between(start, point.visit().date()));
                        latestPerBin.put((int) (months / MONTHS_PER_BIN) * MONTHS_PER_BIN, point.improvement().response().name());
                    }
                }
                latestPerBin.forEach((bin, response) ->
                        counts.computeIfAbsent(bin, b -> new TreeMap<>()).merge(response, 1, Integer::sum));
            }
        });
        List<ResponseShare> shares = new ArrayList<>();
        counts.forEach((bin, byResponse) -> byResponse.forEach((response, n) -> shares.add(new ResponseShare(bin, response, n))));
        return shares;
    }

    /**
     * Refractory share per serology group: the one myositis-specific antibody whose latest result is positive, several,
     * or none ({@link LatestSerology}, the rule of the cohort filter {@code antibody=}). Refractory is the stored flag
     * state. One streamed query over the cohort, a patient at a time.
     */
    List<AntibodyGroupShare> refractoryByAntibody(CohortCriteria criteria) {
        Map<String, int[]> groups = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<Object[]> rows = cohort.refractoryAndSerology(criteria)) {
                long patient = -1;
                boolean refractory = false;
                LatestSerology serology = null;
                for (Iterator<Object[]> each = rows.iterator(); each.hasNext(); ) {
                    Object[] row = each.next();
                    long id = (Long) row[0];
                    if (id != patient) {
                        if (serology != null) {
                            tally(groups, serology, refractory);
                        }
                        patient = id;
                        refractory = Boolean.TRUE.equals(row[1]);
                        serology = new LatestSerology();
                    }
                    if (row[2] != null) {
                        serology.add((Antibody) row[2], (AntibodyResult) row[3], (LocalDate) row[4]);
                    }
                }
                if (serology != null) {
                    tally(groups, serology, refractory);
                }
            }
        });
        List<AntibodyGroupShare> shares = new ArrayList<>();
        groups.forEach((group, tally) -> shares.add(new AntibodyGroupShare(group, tally[0], tally[1])));
        return shares;
    }

    private static void tally(Map<String, int[]> groups, LatestSerology serology, boolean refractory) {
        List<Antibody> msa = serology.positive().stream().filter(Antibody::isMyositisSpecific).toList();
        String group = msa.isEmpty() ? "MSA negative" : msa.size() > 1 ? "Several MSA" : msa.get(0).name();
        int[] tally = groups.computeIfAbsent(group, g -> new int[2]);
        tally[1]++;
        if (refractory) {
            tally[0]++;
        }
    }

    /** The first {@link #SWIMMER_LANES} patients of the cohort: drug bars and stored flag onsets, by registry code. */
    List<SwimmerLane> therapySwimmer(CohortCriteria criteria) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = cohort.patientIds(criteria, 0, SWIMMER_LANES);
            Map<Long, PatientRecord> records = loader.load(ids);
            Map<Long, String> codes = new HashMap<>();
            for (Object[] row : em.createQuery("select p.id, p.registryCode from Patient p where p.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                codes.put((Long) row[0], (String) row[1]);
            }
            Map<Long, List<FlagOnset>> onsets = new HashMap<>();
            if (!ids.isEmpty()) {
                for (PatientFlagState state : em.createQuery("select distinct s from PatientFlagState s left join fetch s.flags"
                        + " where s.patientId in :ids", PatientFlagState.class).setParameter("ids", ids).getResultList()) {
                    onsets.put(state.patientId, state.flags.stream().map(f -> new FlagOnset(f.since, f.code.name())).toList());
                }
            }
            List<SwimmerLane> lanes = new ArrayList<>();
            for (PatientRecord record : records.values()) {
                LocalDate end = record.evaluationDate();
                LocalDate start = record.visits().isEmpty() ? null : record.visits().get(0).date();
                List<DrugPeriod> periods = new ArrayList<>();
                for (TherapyPeriod therapy : record.therapies()) {
                    LocalDate last = therapy.endDate() != null ? therapy.endDate() : (end == null ? therapy.startDate() : end);
                    periods.add(new DrugPeriod(therapy.displayName(), therapy.startDate(), last,
                            therapy.doseLabel()));
                    start = start == null || therapy.startDate().isBefore(start) ? therapy.startDate() : start;
                    end = end == null || last.isAfter(end) ? last : end;
                }
                if (start != null) {
                    lanes.add(new SwimmerLane(codes.get(record.patientId()), periods,
                            onsets.getOrDefault(record.patientId(), List.of()), start, end));
                }
            }
            return lanes;
        });
    }

    private void forEachBatchOfIds(CohortCriteria criteria, Consumer<List<Long>> consumer) {
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> batch = cohort.patientIds(criteria, from, BATCH);
                if (!batch.isEmpty()) {
                    consumer.accept(batch);
                }
                return batch;
            });
            if (ids.size() < BATCH) {
                return;
            }
            afterId = ids.get(ids.size() - 1);
        }
    }
}
