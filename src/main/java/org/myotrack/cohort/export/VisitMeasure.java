package org.myotrack.cohort.export;

/**
 * The scalar values of a visit as every export format names them: JSON field, column of the visits table, type
 * (whole number, decimal or yes/no), unit, valid range (clinical.md §2, clinical-v2.md "New inputs") and meaning, and
 * the code of the registry's local FHIR code system (no LOINC codes exist for these instruments, clinical.md §1; body
 * weight, which has one, is exported under it by the FHIR writer). One list feeds the readers, the writers and the
 * dictionary.
 */
public enum VisitMeasure {

    PHYSICIAN_GLOBAL_ACTIVITY("physicianGlobalActivity", "physician_global_activity", Kind.DECIMAL, "cm", "0–10",
            "Physician global assessment of disease activity, 10 cm VAS (IMACS core set)", "pga"),
    PATIENT_GLOBAL_ACTIVITY("patientGlobalActivity", "patient_global_activity", Kind.DECIMAL, "cm", "0–10",
            "Patient or parent global assessment of disease activity, 10 cm VAS (IMACS core set)", "ptga"),
    MMT8("mmt8", "mmt8", Kind.INTEGER, "points", "0–150",
            "Manual muscle testing, MMT-8 total; out of mmt8Max (IMACS core set)", "mmt8"),
    MMT8_MAX("mmt8Max", "mmt8_max", Kind.INTEGER, "points", "80 or 150",
            "Maximum of the MMT-8 version used: 80 unilateral, 150 bilateral", "mmt8-max"),
    CMAS("cmas", "cmas", Kind.INTEGER, "points", "0–52",
            "Childhood Myositis Assessment Scale, juvenile patients (IMACS core set)", "cmas"),
    HAQ("haq", "haq", Kind.DECIMAL, "score", "0–3",
            "HAQ-DI (adults) or CHAQ (children), steps of 0.125 (IMACS core set)", "haq"),
    EXTRAMUSCULAR_ACTIVITY("extramuscularActivity", "extramuscular_activity", Kind.DECIMAL, "cm", "0–10",
            "Extramuscular global activity (MDAAT), 10 cm VAS (IMACS core set)", "emga"),
    PHYSICIAN_GLOBAL_DAMAGE("physicianGlobalDamage", "physician_global_damage", Kind.DECIMAL, "cm", "0–10",
            "Physician global assessment of damage, 10 cm VAS (IMACS damage core set)", "pgdam"),
    PATIENT_GLOBAL_DAMAGE("patientGlobalDamage", "patient_global_damage", Kind.DECIMAL, "cm", "0–10",
            "Patient global assessment of damage, 10 cm VAS (IMACS damage core set)", "ptgdam"),
    MDI_EXTENT("mdiExtent", "mdi_extent", Kind.INTEGER, "items", "0–38",
            "Myositis Damage Index extent: number of damage items present", "mdi-extent"),
    MDI_SEVERITY("mdiSeverity", "mdi_severity", Kind.DECIMAL, "cm", "0–110",
            "Myositis Damage Index severity: sum of the organ-system damage VAS", "mdi-severity"),
    SF36_PCS("sf36Pcs", "sf36_pcs", Kind.DECIMAL, "score", "0–100", "SF-36 physical component summary", "sf36-pcs"),
    SF36_MCS("sf36Mcs", "sf36_mcs", Kind.DECIMAL, "score", "0–100", "SF-36 mental component summary", "sf36-mcs"),
    FUNCTIONAL_INDEX("functionalIndex", "functional_index", Kind.DECIMAL, "%", "0–100",
            "Functional Index in myositis, percent of its maximum score (muscle endurance)", "fi"),
    BODY_WEIGHT_KG("bodyWeightKg", "body_weight_kg", Kind.DECIMAL, "kg", "2.0–300.0",
            "Body weight, one decimal (for doses per kg)", "body-weight"),
    CDASI_ACTIVITY("cdasiActivity", "cdasi_activity", Kind.INTEGER, "points", "0–100",
            "CDASI activity score (Cutaneous Dermatomyositis Disease Area and Severity Index)", "cdasi-activity"),
    DYSPHAGIA("dysphagia", "dysphagia", Kind.BOOLEAN, null, Ranges.YES_NO, "Dysphagia", "dysphagia"),
    FINGER_FLEXOR_WEAKNESS("fingerFlexorWeakness", "finger_flexor_weakness", Kind.BOOLEAN, null, Ranges.YES_NO,
            "Finger flexion weaker than shoulder abduction (ENMC 2011 IBM feature FF > SA)", "finger-flexor-weakness"),
    QUADRICEPS_WEAKNESS("quadricepsWeakness", "quadriceps_weakness", Kind.BOOLEAN, null, Ranges.YES_NO,
            "Knee extension weakness at least that of hip flexion (ENMC 2011 IBM feature KE ≥ HF)", "quadriceps-weakness");

    /** Range texts shared by several values; a nested holder, as enum constants cannot read the enum's own statics. */
    private static final class Ranges {
        static final String YES_NO = "true, false; empty when not recorded";
    }

    /** What a value is: read, written and described accordingly. */
    public enum Kind {
        INTEGER("integer"), DECIMAL("decimal"), BOOLEAN("boolean");

        private final String dictionaryType;

        Kind(String dictionaryType) {
            this.dictionaryType = dictionaryType;
        }

        /** The type the data dictionary gives its columns. */
        public String dictionaryType() {
            return dictionaryType;
        }
    }

    /** The registry's own code system for measures without a LOINC code (clinical.md §1). */
    public static final String CODE_SYSTEM = "urn:myositis-registry:measure";

    /** Code of the panel that groups one visit's measures in the FHIR export. */
    public static final String PANEL_CODE = "visit-measures";

    private final String field;
    private final String column;
    private final Kind kind;
    private final String unit;
    private final String range;
    private final String meaning;
    private final String code;

    VisitMeasure(String field, String column, Kind kind, String unit, String range, String meaning, String code) {
        this.field = field;
        this.column = column;
        this.kind = kind;
        this.unit = unit;
        this.range = range;
        this.meaning = meaning;
        this.code = code;
    }

    public String field() {
        return field;
    }

    String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** The unit of a number; null for a yes/no finding. */
    public String unit() {
        return unit;
    }

    public String range() {
        return range;
    }

    public String meaning() {
        return meaning;
    }

    /** Code in {@link #CODE_SYSTEM}. */
    public String code() {
        return code;
    }
}
