package org.myotrack.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.myotrack.common.Step;

import java.time.LocalDate;
import java.util.List;

/**
 * One visit's IMACS core-set, damage and quality-of-life measures as a clinic submits them, with the inputs of rules
 * version 2 (body weight, CDASI activity and the ENMC IBM features; clinical-v2.md "New inputs"). Ranges are those of
 * clinical.md §2 and clinical-v2.md; every measure is optional, but a visit must carry at least one. A boolean left
 * out (null) means not recorded, which is not the same as false. {@code version} is required on update and ignored
 * on create.
 */
public record VisitRequest(
        @NotNull(message = "is required")
        @PastOrPresent(message = "must not be in the future") LocalDate visitDate,
        @Range(min = 0, max = 10) @Step(value = "0.1", message = "must have at most 1 decimal") Double physicianGlobalActivity,
        @Range(min = 0, max = 10) @Step(value = "0.1", message = "must have at most 1 decimal") Double patientGlobalActivity,
        @Range(min = 0, max = 150) Integer mmt8,
        Integer mmt8Max,
        @Range(min = 0, max = 52) Integer cmas,
        @Range(min = 0, max = 3) @Step(value = "0.125", message = "must be a multiple of 0.125") Double haq,
        @Range(min = 0, max = 10) @Step(value = "0.1", message = "must have at most 1 decimal") Double extramuscularActivity,
        @Size(max = 5, message = "must list at most 5 enzymes, one per test")
        List<@Valid @NotNull(message = "must not be null") EnzymeEntry> enzymes,
        @Range(min = 0, max = 10) @Step(value = "0.1", message = "must have at most 1 decimal") Double physicianGlobalDamage,
        @Range(min = 0, max = 10) @Step(value = "0.1", message = "must have at most 1 decimal") Double patientGlobalDamage,
        @Range(min = 0, max = 38) Integer mdiExtent,
        @Range(min = 0, max = 110) @Step(value = "0.1", message = "must have at most 1 decimal") Double mdiSeverity,
        @Range(min = 0, max = 100) @Step(value = "0.1", message = "must have at most 1 decimal") Double sf36Pcs,
        @Range(min = 0, max = 100) @Step(value = "0.1", message = "must have at most 1 decimal") Double sf36Mcs,
        @Range(min = 0, max = 100) @Step(value = "0.1", message = "must have at most 1 decimal") Double functionalIndex,
        @Range(min = 2, max = 300, message = "must be between 2.0 and 300.0")
        @Step(value = "0.1", message = "must have at most 1 decimal") Double bodyWeightKg,
        @Range(min = 0, max = 100) Integer cdasiActivity,
        Boolean dysphagia,
        Boolean fingerFlexorWeakness,
        Boolean quadricepsWeakness,
        @Size(max = 4000, message = "must be at most 4000 characters") String notes,
        Long version) {

    /**
     * Whether the visit records at least one activity, damage, quality-of-life or enzyme measure, or one of the rules
     * version 2 inputs (a weight alone, a CDASI alone, or a recorded yes or no is an observation of that visit).
     */
    public boolean hasAnyMeasure() {
        return physicianGlobalActivity != null || patientGlobalActivity != null || mmt8 != null || cmas != null
                || haq != null || extramuscularActivity != null || (enzymes != null && !enzymes.isEmpty())
                || physicianGlobalDamage != null || patientGlobalDamage != null || mdiExtent != null
                || mdiSeverity != null || sf36Pcs != null || sf36Mcs != null || functionalIndex != null
                || bodyWeightKg != null || cdasiActivity != null || dysphagia != null || fingerFlexorWeakness != null
                || quadricepsWeakness != null;
    }
}
