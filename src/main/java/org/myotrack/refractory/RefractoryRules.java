package org.myotrack.refractory;

import java.util.ArrayList;
import java.util.List;

/** The refractory-trajectory flags and work-up prompts of clinical.md §6 over one patient's record, as plain Java. */
public final class RefractoryRules {

    private RefractoryRules() {
    }

    /**
     * Evaluates the record at its evaluation date, the latest visit: no visits, no flags. Refractory and trajectory
     * flags are sticky, with {@code since} the first day they held; prompts are judged at the latest visit and carry
     * its date. Flags come in {@link FlagCode} order with the rules version of {@code config}.
     */
    public static Evaluation evaluate(PatientRecord record, RuleConfig config) {
        if (record.visits().isEmpty()) {
            return new Evaluation(false, List.of(), config.version());
        }
        PatientTimeline timeline = new PatientTimeline(record, config);
        List<Flag> refractoryFlags = new ArrayList<>(3);
        InadequateResponseRule.evaluate(timeline).ifPresent(refractoryFlags::add);
        GlucocorticoidDependenceRule.evaluate(timeline).ifPresent(refractoryFlags::add);
        MultipleAgentFailureRule.evaluate(timeline).ifPresent(refractoryFlags::add);
        boolean refractory = !refractoryFlags.isEmpty();

        List<Flag> flags = new ArrayList<>(refractoryFlags);
        ConfirmedWorseningRule.evaluate(timeline).ifPresent(flags::add);
        WeaknessWithoutActivityPrompt.evaluate(timeline).ifPresent(flags::add);
        EnzymesWithoutWeaknessPrompt.evaluate(timeline).ifPresent(flags::add);
        ReevaluateDiagnosisPrompt.evaluate(timeline, refractory).ifPresent(flags::add);
        ConsiderIbmPrompt.evaluate(timeline, refractoryFlags).ifPresent(flags::add);
        return new Evaluation(refractory, List.copyOf(flags), config.version());
    }
}
