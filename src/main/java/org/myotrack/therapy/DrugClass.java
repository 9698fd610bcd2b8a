package org.myotrack.therapy;

/** Therapeutic class of a drug (clinical.md §3). */
public enum DrugClass {
    GLUCOCORTICOID, CONVENTIONAL_IMMUNOSUPPRESSANT, IMMUNOGLOBULIN, BIOLOGIC, TARGETED_SYNTHETIC, ALKYLATING, OTHER
}
