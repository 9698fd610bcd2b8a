package org.myotrack.bench;

import org.myotrack.demo.Archetype;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.refractory.RuleConfig;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.Trajectory;
import org.myotrack.scoring.TrajectoryPoint;
import org.myotrack.visit.VisitRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU cost of scoring one 40-visit trajectory (TIS, IMACS improvement, IMACS worsening per visit), on visits of
 * the demo generator, without the database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrajectoryScoringBenchmark {

    private static final int VISITS = 40;

    private List<ScoredVisit> visits;

    @Setup
    public void buildForty() {
        DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, List.of("BENCH"));
        List<VisitRequest> source = new ArrayList<>();
        for (int index = 0; source.size() < VISITS; index++) {
            SyntheticPatient patient = generator.patient(index);
            if (patient.archetype() != Archetype.JUVENILE_RESPONDER) {
                source.addAll(patient.visits());
            }
        }
        visits = new ArrayList<>(VISITS);
        for (int i = 0; i < VISITS; i++) {
            VisitRequest visit = source.get(i);
            List<EnzymeLevel> enzymes = visit.enzymes() == null ? List.of()
                    : visit.enzymes().stream().map(e -> new EnzymeLevel(e.test(), e.value(), e.uln())).toList();
            visits.add(new ScoredVisit(i, visit.visitDate().plusYears(i), new CoreSetMeasures(
                    visit.physicianGlobalActivity(), visit.patientGlobalActivity(), visit.mmt8(), visit.mmt8Max(),
                    visit.cmas(), visit.haq(), visit.extramuscularActivity(), enzymes)));
        }
    }

    @Benchmark
    public List<TrajectoryPoint> scoreFortyVisitTrajectory() {
        return Trajectory.score(visits, 0, ResponseCriteria.ADULT, RuleConfig.defaults().riseFromZero());
    }
}
