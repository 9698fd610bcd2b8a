package org.myotrack.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient as a clinic submits it ({@code POST} and {@code PUT /api/patients}). {@code version} is required on
 * update and ignored on create. Like every field of a {@code PUT}, {@code statinExposure} left out reads as
 * {@code UNKNOWN}; {@code statinStartDate} is optional, and refused with {@code NEVER}.
 */
public record PatientRequest(
        @NotBlank(message = "is required") @Size(max = 32, message = "must be at most 32 characters") String siteCode,
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = "[\\p{Alnum}._/-]+", message = "must contain only letters, digits and . _ / -")
        String externalId,
        @NotNull(message = "is required; one of FEMALE, MALE, OTHER, UNKNOWN") Sex sex,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate birthDate,
        @NotNull(message = "is required; one of DM, JDM, CADM, PM, IMNM, IBM, ASYS, OVERLAP, JM_OTHER, UNCLASSIFIED")
        Diagnosis diagnosis,
        @PastOrPresent(message = "must not be in the future") LocalDate diagnosisDate,
        @PastOrPresent(message = "must not be in the future") LocalDate onsetDate,
        Boolean cancerAssociated,
        Boolean ild,
        StatinExposure statinExposure,
        @PastOrPresent(message = "must not be in the future") LocalDate statinStartDate,
        @Size(max = 60, message = "must list at most 60 results") List<@Valid @NotNull(message = "must not be null") AutoantibodyEntry> autoantibodies,
        Long version) {
}
