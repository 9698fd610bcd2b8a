package org.myotrack.patient;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a patient's diagnosis history: the subgroup held from {@code diagnosisDate}, as recorded. */
public record DiagnosisEntry(Diagnosis diagnosis, LocalDate diagnosisDate, Instant recordedAt, String recordedBy) {
}
