package org.myotrack.therapy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * One drug at one dose over a period (clinical.md §3). A taper is a sequence of these. {@code endDate} is empty
 * while the therapy is ongoing; {@code version} is required on update.
 */
public record TherapyRequest(
        @NotNull(message = "is required; one of the registry's drug vocabulary (clinical.md §3)") Drug drug,
        @PositiveOrZero(message = "must be between 0 and 100000")
        @DecimalMax(value = "100000", message = "must be between 0 and 100000") Double dose,
        DoseUnit doseUnit,
        Frequency frequency,
        Route route,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate startDate,
        LocalDate endDate,
        StopReason stopReason,
        @Size(max = 100, message = "must be at most 100 characters") String drugName,
        Long version) {
}
