package org.myotrack.refractory;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.StatinExposure;

import java.util.ArrayList;
import java.util.List;

/**
 * The refractory-trajectory flags and work-up prompts of clinical.md §6, rules version 2 (clinical-v2.md R1–R10), over
 * one patient's record, as plain Java.
 */
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
            return new Evaluation(false, List.of(), config.version(), List.of());
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
        StatinExposedHmgcrPrompt.evaluate(timeline).ifPresent(flags::add);
        return new Evaluation(refractory, withSerologyNotes(timeline, flags), config.version(), timeline.toRecord());
    }

    /**
     * R10: an anti-HMGCR positive patient whose statin exposure is unknown has "record statin exposure" in the
     * evidence of every flag (and in what to record); a positive anti-MDA5 adds "screen for rapidly progressive ILD"
     * to the evidence of every refractory flag (registry rule).
     */
    private static List<Flag> withSerologyNotes(PatientTimeline timeline, List<Flag> flags) {
        PatientRecord record = timeline.record();
        Evidence statinUnknown = null;
        if (record.positive(Antibody.HMGCR) && record.statinExposure() == StatinExposure.UNKNOWN) {
            statinUnknown = new Evidence("record", record.patientId(),
                    "Anti-HMGCR positive: record statin exposure (never, past or current)");
            timeline.toRecord("Statin exposure (never, past or current): the patient is anti-HMGCR positive");
        }
        Evidence mda5 = record.positive(Antibody.MDA5) ? new Evidence("patient", record.patientId(),
                "Anti-MDA5 positive: screen for rapidly progressive ILD") : null;
        List<Flag> noted = new ArrayList<>(flags.size());
        for (Flag flag : flags) {
            List<Evidence> more = new ArrayList<>(2);
            if (mda5 != null && flag.code().makesRefractory()) {
                more.add(mda5);
            }
            if (statinUnknown != null) {
                more.add(statinUnknown);
            }
            noted.add(flag.withEvidence(more));
        }
        return noted;
    }
}
