package org.myotrack.refractory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction wrote to its patients' records when all it did was add visits or therapies (a CSV import):
 * the ids of the new rows, by patient. It lets the stored flag state be refreshed from the patients' committed records,
 * read beside the transaction, with only these rows read back in it ({@link FlagService#refreshAdded}).
 *
 * @param visitIds   the new visits (with their enzyme results), by patient
 * @param therapyIds the new therapies, by patient
 */
public record AddedRecords(Map<Long, List<Long>> visitIds, Map<Long, List<Long>> therapyIds) {

    public AddedRecords {
        visitIds = Map.copyOf(visitIds);
        therapyIds = Map.copyOf(therapyIds);
    }

    public static AddedRecords visits(Map<Long, List<Long>> idsByPatient) {
        return new AddedRecords(idsByPatient, Map.of());
    }

    public static AddedRecords therapies(Map<Long, List<Long>> idsByPatient) {
        return new AddedRecords(Map.of(), idsByPatient);
    }

    /** The patients given a new record. */
    public Set<Long> patients() {
        if (therapyIds.isEmpty()) {
            return visitIds.keySet();
        }
        if (visitIds.isEmpty()) {
            return therapyIds.keySet();
        }
        Set<Long> both = new HashSet<>(visitIds.keySet());
        both.addAll(therapyIds.keySet());
        return both;
    }

    /** The ids added for the given patients, from one of the two maps. */
    static List<Long> idsOf(Map<Long, List<Long>> idsByPatient, Collection<Long> patientIds) {
        List<Long> ids = new ArrayList<>();
        for (Long patientId : patientIds) {
            ids.addAll(idsByPatient.getOrDefault(patientId, List.of()));
        }
        return ids;
    }
}
