package org.myotrack.refractory;

import java.util.List;

/**
 * The outcome of the rules for one patient: whether refractory, the flags in {@link FlagCode} order, the rules
 * version, and what the physician should record for the rules to judge what they could not (a body weight for a dose
 * per kg, the statin exposure of an anti-HMGCR positive patient), each in words.
 */
public record Evaluation(boolean refractory, List<Flag> flags, String rulesVersion, List<String> toRecord) {

    public Evaluation {
        flags = List.copyOf(flags);
        toRecord = List.copyOf(toRecord);
    }
}
