package org.myotrack.investigation;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/** An MRI, biopsy or EMG with its findings (clinical.md §2); {@code version} is required on update. */
public record InvestigationRequest(
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate date,
        @NotNull(message = "is required; one of MRI, BIOPSY, EMG") InvestigationType type,
        @NotEmpty(message = "must list at least one finding")
        Set<@NotNull(message = "must not be null") Finding> findings,
        @Size(max = 4000, message = "must be at most 4000 characters") String notes,
        Long version) {
}
