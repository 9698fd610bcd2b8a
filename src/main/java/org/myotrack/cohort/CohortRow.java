package org.myotrack.cohort;

import java.util.List;

/**
 * One patient of a cohort query, de-identified as coordinators see the registry: the registry code, no external
 * id, no dates.
 *
 * @param birthYear      null from age 90 in the current year (ages over 89 are grouped, {@code age90OrOver})
 * @param autoantibodies antibodies whose latest result is positive
 * @param flags          codes of the flags that hold, from the stored evaluation
 * @param rulesVersion   the rules version that scored the latest response and evaluated the flags
 */
public record CohortRow(String registryCode, String siteCode, String diagnosis, String sex, Integer birthYear,
                        boolean age90OrOver, boolean juvenile, List<String> autoantibodies, int visitCount,
                        Double latestTis, String latestResponse, boolean refractory, List<String> flags,
                        String rulesVersion) {
}
