package org.myotrack.refractory;

import java.util.List;

/**
 * A patient's flags as {@code GET /api/patients/{id}/flags} returns them, with the rules version that produced them
 * and what to record for the rules to judge what they could not.
 */
public record FlagsView(long patientId, String rulesVersion, boolean refractory, List<FlagView> flags,
                        List<String> toRecord) {
}
