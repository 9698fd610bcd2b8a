package org.myotrack.cohort.export;

/**
 * The scalar measures of a visit as every export format names them: JSON field, column of the visits table, type,
 * unit, valid range (clinical.md §2) and meaning, and the code of the registry's local FHIR code system (no LOINC
 * codes exist for these instruments, clinical.md §1). One list feeds the readers, the writers and the dictionary.
 */
public enum VisitMeasure {

    PHYSICIAN_GLOBAL_ACTIVITY("physicianGlobalActivity", "physician_global_activity", false, "cm", 0, 10,
            "Physician global assessment of disease activity, 10 cm VAS (IMACS core set)", "pga"),
    PATIENT_GLOBAL_ACTIVITY("patientGlobalActivity", "patient_global_activity", false, "cm", 0, 10,
            "Patient or parent global assessment of disease activity, 10 cm VAS (IMACS core set)", "ptga"),
    MMT8("mmt8", "mmt8", true, "points", 0, 150,
            "Manual muscle testing, MMT-8 total; out of mmt8Max (IMACS core set)", "mmt8"),
    MMT8_MAX("mmt8Max", "mmt8_max", true, "points", 80, 150,
            "Maximum of the MMT-8 version used: 80 unilateral, 150 bilateral", "mmt8-max"),
    CMAS("cmas", "cmas", true, "points", 0, 52,
            "Childhood Myositis Assessment Scale, juvenile patients (IMACS core set)", "cmas"),
    HAQ("haq", "haq", false, "score", 0, 3,
            "HAQ-DI (adults) or CHAQ (children), steps of 0.125 (IMACS core set)", "haq"),
    EXTRAMUSCULAR_ACTIVITY("extramuscularActivity", "extramuscular_activity", false, "cm", 0, 10,
            "Extramuscular global activity (MDAAT), 10 cm VAS (IMACS core set)", "emga"),
    PHYSICIAN_GLOBAL_DAMAGE("physicianGlobalDamage", "physician_global_damage", false, "cm", 0, 10,
            "Physician global assessment of damage, 10 cm VAS (IMACS damage core set)", "pgdam"),
    PATIENT_GLOBAL_DAMAGE("patientGlobalDamage", "patient_global_damage", false, "cm", 0, 10,
            "Patient global assessment of damage, 10 cm VAS (IMACS damage core set)", "ptgdam"),
    MDI_EXTENT("mdiExtent", "mdi_extent", true, "items", 0, 38,
            "Myositis Damage Index extent: number of damage items present", "mdi-extent"),
    MDI_SEVERITY("mdiSeverity", "mdi_severity", false, "cm", 0, 110,
            "Myositis Damage Index severity: sum of the organ-system damage VAS", "mdi-severity"),
    SF36_PCS("sf36Pcs", "sf36_pcs", false, "score", 0, 100, "SF-36 physical component summary", "sf36-pcs"),
    SF36_MCS("sf36Mcs", "sf36_mcs", false, "score", 0, 100, "SF-36 mental component summary", "sf36-mcs"),
    FUNCTIONAL_INDEX("functionalIndex", "functional_index", false, "%", 0, 100,
            "Functional Index in myositis, percent of its maximum score (muscle endurance)", "fi");

    /** The registry's own code system for measures without a LOINC code (clinical.md §1). */
    public static final String CODE_SYSTEM = "urn:myositis-registry:measure";

    /** Code of the panel that groups one visit's measures in the FHIR export. */
    public static final String PANEL_CODE = "visit-measures";

    private final String field;
    private final String column;
    private final boolean integer;
    private final String unit;
    private final int minimum;
    private final int maximum;
    private final String meaning;
    private final String code;

    VisitMeasure(String field, String column, boolean integer, String unit, int minimum, int maximum, String meaning,
                 String code) {
        this.field = field;
        this.column = column;
        this.integer = integer;
        this.unit = unit;
        this.minimum = minimum;
        this.maximum = maximum;
        this.meaning = meaning;
        this.code = code;
    }

    public String field() {
        return field;
    }

    String column() {
        return column;
    }

    public boolean integer() {
        return integer;
    }

    public String unit() {
        return unit;
    }

    public String range() {
        return this == MMT8_MAX ? "80 or 150" : minimum + "–" + maximum;
    }

    public String meaning() {
        return meaning;
    }

    /** Code in {@link #CODE_SYSTEM}. */
    public String code() {
        return code;
    }
}
