package org.myotrack.patient;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's current serology: the latest result of each antibody tested. A later test overrides an earlier one (a
 * negative retest overrides an old positive), and an undated result counts as older than any dated one. The registry
 * refuses two results of one antibody on one date, so no two results tie. The refractory rules, the cohort list, the
 * cohort filter, the cohort charts and the exports all read serology by this one rule.
 */
public final class LatestSerology {

    private final Map<Antibody, AntibodyResult> results = new EnumMap<>(Antibody.class);
    private final Map<Antibody, LocalDate> dates = new EnumMap<>(Antibody.class);

    /** Takes one stored result, in any order. */
    public void add(Antibody antibody, AntibodyResult result, LocalDate testDate) {
        boolean held = results.containsKey(antibody);
        LocalDate heldDate = dates.get(antibody);
        if (!held || heldDate == null || testDate != null && !testDate.isBefore(heldDate)) {
            results.put(antibody, result);
            dates.put(antibody, testDate);
        }
    }

    /** The latest result of each antibody tested, in the vocabulary's order. */
    public Map<Antibody, AntibodyResult> results() {
        return Collections.unmodifiableMap(results);
    }

    /** Antibodies whose latest result is positive, in the vocabulary's order. */
    public List<Antibody> positive() {
        return results.entrySet().stream().filter(entry -> entry.getValue() == AntibodyResult.POSITIVE)
                .map(Map.Entry::getKey).toList();
    }
}
