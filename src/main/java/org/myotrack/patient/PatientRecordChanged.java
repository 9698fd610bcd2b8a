package org.myotrack.patient;

/**
 * Fired, synchronously and inside the writing transaction, after any write to a patient's record (the patient,
 * a visit, a therapy, an investigation), so that derived state such as the stored flags is rewritten with it.
 */
public record PatientRecordChanged(long patientId) {
}
