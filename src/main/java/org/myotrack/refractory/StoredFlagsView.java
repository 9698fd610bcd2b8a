package org.myotrack.refractory;

import java.util.List;

/**
 * A patient's flags as last stored with the record (not re-evaluated): what lists show as badges.
 *
 * @param flags codes of the flags that held at the last write, in rule order
 */
public record StoredFlagsView(long patientId, boolean refractory, List<FlagCode> flags, Double latestTis,
                              String latestResponse) {
}
