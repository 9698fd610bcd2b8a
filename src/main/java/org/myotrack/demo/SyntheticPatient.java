package org.myotrack.demo;

import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.patient.PatientRequest;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.visit.VisitRequest;

import java.util.List;
import java.util.Objects;

/** One generated patient with its visits (by date, one per day), therapies and investigations, ready to submit. */
public record SyntheticPatient(int index, Archetype archetype, PatientRequest patient, List<VisitRequest> visits,
                               List<TherapyRequest> therapies, List<InvestigationRequest> investigations) {

    public SyntheticPatient {
        Objects.requireNonNull(archetype, "archetype");
        Objects.requireNonNull(patient, "patient");
        visits = List.copyOf(visits);
        therapies = List.copyOf(therapies);
        investigations = List.copyOf(investigations);
    }
}
