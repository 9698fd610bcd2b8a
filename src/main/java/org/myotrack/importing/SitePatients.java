package org.myotrack.importing;

import org.myotrack.patient.PatientIdentity;
import org.myotrack.patient.PatientRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patients of the importing clinician's site that a file names, by registry id or external id. Each is looked up
 * once, in bulk with the other new names of a chunk of rows, and its row locked for the import; a name that is not a
 * patient of the site is remembered as such, so another site's patient is never told apart from no patient.
 */
final class SitePatients {

    private final PatientRepository repository;
    private final long siteId;
    private final Map<Long, PatientIdentity> byId = new HashMap<>();
    private final Map<String, PatientIdentity> byExternalId = new HashMap<>();
    private final Set<Long> absentIds = new HashSet<>();
    private final Set<String> absentExternalIds = new HashSet<>();

    SitePatients(PatientRepository repository, long siteId) {
        this.repository = repository;
        this.siteId = siteId;
    }

    /**
     * Looks up, in one or two queries, those of the names that have not been looked up before; returns the ids of the
     * site's patients found for the first time.
     */
    List<Long> lookUp(Collection<Long> ids, Collection<String> externalIds) {
        List<Long> newIds = new ArrayList<>();
        for (Long id : ids) {
            if (!byId.containsKey(id) && !absentIds.contains(id)) {
                newIds.add(id);
            }
        }
        List<String> newExternalIds = new ArrayList<>();
        for (String externalId : externalIds) {
            if (!byExternalId.containsKey(externalId) && !absentExternalIds.contains(externalId)) {
                newExternalIds.add(externalId);
            }
        }
        if (newIds.isEmpty() && newExternalIds.isEmpty()) {
            return List.of();
        }
        List<Long> found = new ArrayList<>();
        for (PatientIdentity patient : repository.lockAtSite(siteId, newIds, newExternalIds)) {
            // A patient named both ways in one chunk comes back twice; it is new once.
            if (byId.put(patient.id(), patient) == null) {
                found.add(patient.id());
            }
            byExternalId.put(patient.externalId(), patient);
        }
        for (Long id : newIds) {
            if (!byId.containsKey(id)) {
                absentIds.add(id);
            }
        }
        for (String externalId : newExternalIds) {
            if (!byExternalId.containsKey(externalId)) {
                absentExternalIds.add(externalId);
            }
        }
        return found;
    }

    /** The site's patient with the registry id, or null; only after {@link #lookUp} named it. */
    PatientIdentity byId(long id) {
        return byId.get(id);
    }

    /** The site's patient with the external id, or null; only after {@link #lookUp} named it. */
    PatientIdentity byExternalId(String externalId) {
        return byExternalId.get(externalId);
    }
}
