package org.myotrack.patient;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;

/** One autoantibody test result as sent and returned over the API. */
public record AutoantibodyEntry(
        @NotNull(message = "is required; one of " + "JO1, PL7, PL12, EJ, OJ, KS, ZO, HA, MI2, MDA5, TIF1G, NXP2, SAE, SRP, HMGCR, CN1A, RO52, RO60, LA, PMSCL75, PMSCL100, KU, U1RNP, U3RNP, THTO")
        Antibody antibody,
        @NotNull(message = "is required; one of POSITIVE, NEGATIVE, EQUIVOCAL") AntibodyResult result,
        @PastOrPresent(message = "must not be in the future") LocalDate testDate) {
}
