package org.myotrack.refractory;

import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.DrugClass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules read of one record, derived once per evaluation: the evaluation date (the latest visit), activity
 * at every visit, the glucocorticoid courses, the courses of immunosuppressants and third-line agents, and the
 * glucocorticoid + immunosuppressant combinations, and the body weights that convert doses per kilogram. Therapies
 * starting after the evaluation date are ignored and ongoing ones count as taken until it (clinical.md §6). The rules
 * note here what the physician should record for them to judge what they could not.
 */
final class PatientTimeline {

    /** Third line (BSR 2022; Lundberg at ACR Convergence 2021; clinical.md §3): rituximab, cyclophosphamide, abatacept, JAK inhibitors. */
    static final Set<Drug> THIRD_LINE = EnumSet.of(Drug.RITUXIMAB, Drug.CYCLOPHOSPHAMIDE, Drug.ABATACEPT,
            Drug.TOFACITINIB, Drug.BARICITINIB, Drug.UPADACITINIB, Drug.RUXOLITINIB);

    private final PatientRecord record;
    private final RuleConfig config;
    private final LocalDate evaluationDate;
    private final boolean[] active;
    private final BodyWeights weights;
    private final List<GlucocorticoidCourse> glucocorticoidCourses;
    private final List<DrugCourse> agentCourses;
    private final List<Combination> combinations;
    private final List<String> toRecord = new ArrayList<>();

    PatientTimeline(PatientRecord record, RuleConfig config) {
        this.record = record;
        this.config = config;
        this.evaluationDate = record.evaluationDate();
        List<ScoredVisit> visits = record.visits();
        this.active = new boolean[visits.size()];
        for (int k = 0; k < active.length; k++) {
            active[k] = ActivityTest.isActive(visits.get(k), record, config);
        }
        this.weights = new BodyWeights(visits, config.bodyWeightWindowDays());
        this.glucocorticoidCourses = GlucocorticoidCourse.join(record.therapies(), evaluationDate,
                config.courseGapDays(), weights);
        this.agentCourses = DrugCourse.of(record.therapies(),
                drug -> isConventionalImmunosuppressant(drug) || THIRD_LINE.contains(drug),
                evaluationDate, config.courseGapDays());
        this.combinations = Combination.of(glucocorticoidCourses,
                agentCourses.stream().filter(c -> isConventionalImmunosuppressant(c.drug())).toList(), config);
    }

    static boolean isConventionalImmunosuppressant(Drug drug) {
        return drug.drugClass() == DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT;
    }

    PatientRecord record() {
        return record;
    }

    RuleConfig config() {
        return config;
    }

    LocalDate evaluationDate() {
        return evaluationDate;
    }

    List<ScoredVisit> visits() {
        return record.visits();
    }

    ScoredVisit latestVisit() {
        return record.visits().get(record.visits().size() - 1);
    }

    boolean activeAt(int visitIndex) {
        return active[visitIndex];
    }

    BodyWeights weights() {
        return weights;
    }

    /** The visit on {@code date} that recorded a body weight, for evidence that names where a weight came from. */
    Optional<ScoredVisit> visitWeighedOn(LocalDate date) {
        return visits().stream().filter(v -> v.date().equals(date) && v.signs().bodyWeightKg() != null).reduce((a, b) -> b);
    }

    /** Notes what the physician should record for a rule to judge what it could not; each note once. */
    void toRecord(String note) {
        if (!toRecord.contains(note)) {
            toRecord.add(note);
        }
    }

    List<String> toRecord() {
        return toRecord;
    }

    List<GlucocorticoidCourse> glucocorticoidCourses() {
        return glucocorticoidCourses;
    }

    List<DrugCourse> agentCourses() {
        return agentCourses;
    }

    List<Combination> combinations() {
        return combinations;
    }
}
