package org.myotrack.refractory;

import java.util.List;

/** The outcome of the rules for one patient: whether refractory, the flags in {@link FlagCode} order, the rules version. */
public record Evaluation(boolean refractory, List<Flag> flags, String rulesVersion) {
}
