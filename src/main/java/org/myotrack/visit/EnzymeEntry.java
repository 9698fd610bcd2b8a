package org.myotrack.visit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One muscle-enzyme result with the upper limit of normal of the lab that measured it (clinical.md §2). */
public record EnzymeEntry(
        @NotNull(message = "is required; one of CK, ALDOLASE, LDH, AST, ALT") EnzymeTest test,
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must be 0 or more")
        @jakarta.validation.constraints.DecimalMax(value = "9999999999", message = "must be between 0 and 9999999999")
        Double value,
        @NotNull(message = "is required: an enzyme value needs the lab's upper limit of normal")
        @Positive(message = "must be greater than 0")
        @jakarta.validation.constraints.DecimalMax(value = "9999999999", message = "must be greater than 0 and at most 9999999999")
        Double uln,
        @Size(max = 16, message = "must be at most 16 characters") String unit) {

    /** The value as a multiple of the upper limit of normal. */
    public double timesUln() {
        return value / uln;
    }
}
