package org.myotrack.patient;

import java.time.LocalDate;

/** How a site knows a patient (registry id and its own external id), with the birth date records are checked against. */
public record PatientIdentity(long id, String externalId, LocalDate birthDate) {
}
