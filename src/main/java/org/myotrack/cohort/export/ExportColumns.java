package org.myotrack.cohort.export;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagCode;
import org.myotrack.scoring.ResponseCategory;
import org.myotrack.therapy.Drug;
import org.myotrack.visit.EnzymeTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns of the CSV exports: patient columns (in both), then visit columns (one row per visit in {@code csv},
 * numbered groups {@code visit1_…} in {@code csv-wide}). Visit column names match the visit import, so an export
 * reads like the files clinics send. The dictionary is generated from this same list, so it cannot drift.
 */
public final class ExportColumns {

    private static final String DATE_RANGE = "ISO date shifted back 0–364 days per patient, or with dates=relative "
            + "a day number since the patient's diagnosis (negative before it)";

    public static final List<ExportColumn<ExportedPatient>> PATIENT = List.of(
            new ExportColumn<>("pseudonym", "string", null, "MT- and 20 hexadecimal digits",
                    "Keyed pseudonym of the patient, the same in every export of this registry", "HMAC-SHA256 of the registry code under the registry secret",
                    ExportedPatient::pseudonym),
            new ExportColumn<>("site", "code", null, "the registry's site codes", "Site following the patient",
                    "registry", ExportedPatient::siteCode),
            new ExportColumn<>("sex", "code", null, names(Sex.values()), "Administrative sex", "registry", ExportedPatient::sex),
            new ExportColumn<>("birthYear", "string", null, "a year; a band such as 1960-1964 when the export's "
                    + "smallest group is under the minimum; 90+ from age 90 in the year of export",
                    "Year of birth, coarsened as needed for k-anonymity", "HIPAA Safe Harbor for ages over 89", ExportedPatient::birthYear),
            new ExportColumn<>("diagnosis", "code", null, names(Diagnosis.values()), "Clinical subgroup",
                    "clinical.md §1", ExportedPatient::diagnosis),
            new ExportColumn<>("juvenile", "boolean", null, "true, false", "Symptom onset before age 18",
                    "clinical.md §1", ExportedPatient::juvenile),
            new ExportColumn<>("cancerAssociated", "boolean", null, "true, false",
                    "Myositis within 2 years of a cancer diagnosis", "clinical.md §1", ExportedPatient::cancerAssociated),
            new ExportColumn<>("ild", "boolean", null, "true, false", "Interstitial lung disease", "clinical.md §1",
                    ExportedPatient::ild),
            new ExportColumn<>("dateBasis", "code", null, "shifted, diagnosis, firstVisit", "How this patient's dates "
                    + "are given: shifted calendar dates, or days since diagnosis (since the first visit when the "
                    + "diagnosis date is unknown)", "export", ExportedPatient::dateBasis),
            new ExportColumn<>("diagnosisDate", "date", null, DATE_RANGE, "Date of diagnosis", "registry",
                    ExportedPatient::diagnosisDate),
            new ExportColumn<>("onsetDate", "date", null, DATE_RANGE, "Date of symptom onset", "registry",
                    ExportedPatient::onsetDate),
            new ExportColumn<>("statinExposure", "code", null, names(StatinExposure.values()),
                    "Statin exposure as recorded; UNKNOWN until recorded", "clinical-v2.md R10",
                    ExportedPatient::statinExposure),
            new ExportColumn<>("statinStartDate", "date", null, DATE_RANGE, "Date the statin was started, when known",
                    "registry", ExportedPatient::statinStartDate),
            new ExportColumn<>("positiveAntibodies", "code list", null, "antibody codes joined by ; (" + names(Antibody.values()) + ")",
                    "Autoantibodies whose latest result is positive", "clinical.md §1",
                    patient -> patient.positiveAntibodies().stream().map(Enum::name).collect(Collectors.joining(";"))),
            new ExportColumn<>("refractory", "boolean", null, "true, false", "Meets a refractory criterion at the "
                    + "latest visit: inadequate response, glucocorticoid dependence, multiple agent failure or "
                    + "confirmed worsening", "clinical.md §6", ExportedPatient::refractory),
            new ExportColumn<>("flags", "code list", null, "flag codes joined by ; (" + names(FlagCode.values()) + ")",
                    "Refractory flags and work-up prompts that hold (since when: ndjson and fhir exports)",
                    "clinical.md §6", patient -> patient.flags().stream().map(flag -> flag.code().name())
                            .collect(Collectors.joining(";"))),
            new ExportColumn<>("rulesVersion", "string", null, "a version label", "Version of the rules and "
                    + "thresholds that evaluated the flags", "registry configuration", ExportedPatient::rulesVersion));

    public static final List<ExportColumn<ExportedPatient.Visit>> VISIT = visitColumns();

    private ExportColumns() {
    }

    private static List<ExportColumn<ExportedPatient.Visit>> visitColumns() {
        List<ExportColumn<ExportedPatient.Visit>> columns = new ArrayList<>();
        columns.add(new ExportColumn<>("visitNumber", "integer", null, "1 upwards", "Visit number in date order, 1 "
                + "for the first recorded visit", "registry", ExportedPatient.Visit::number));
        columns.add(new ExportColumn<>("visitDate", "date", null, DATE_RANGE, "Date of the visit", "registry",
                ExportedPatient.Visit::date));
        for (VisitMeasure measure : VisitMeasure.values()) {
            columns.add(new ExportColumn<>(measure.field(), measure.kind().dictionaryType(), measure.unit(),
                    measure.range(), measure.meaning(), source(measure), visit -> visit.measure(measure)));
        }
        for (EnzymeTest test : EnzymeTest.values()) {
            String name = enzymeColumn(test);
            columns.add(new ExportColumn<>(name, "decimal", "as reported by the laboratory (usually U/L)", "≥ 0",
                    test.name() + " serum activity", "clinical.md §2", visit -> {
                        ExportedPatient.Enzyme enzyme = visit.enzyme(test);
                        return enzyme == null ? null : enzyme.value();
                    }));
            columns.add(new ExportColumn<>(name + "Uln", "decimal", "same unit as " + name, "> 0",
                    "Upper limit of normal of the laboratory that measured " + name, "clinical.md §2", visit -> {
                        ExportedPatient.Enzyme enzyme = visit.enzyme(test);
                        return enzyme == null ? null : enzyme.uln();
                    }));
        }
        columns.add(new ExportColumn<>("tisFromFirstVisit", "decimal", "points", "0–100", "2016 ACR/EULAR Total "
                + "Improvement Score against the first visit; empty for the first visit and when a measure is missing",
                "Aggarwal et al., Arthritis Rheumatol 2017;69:898 (clinical.md §4)", ExportedPatient.Visit::tis));
        columns.add(new ExportColumn<>("responseFromFirstVisit", "code", null, names(ResponseCategory.values()),
                "Response category of that score (adult or juvenile thresholds)", "clinical.md §4",
                ExportedPatient.Visit::response));
        columns.add(new ExportColumn<>("regimen", "code list", null, "drug codes joined by ; (" + names(Drug.values()) + ")",
                "Drugs taken on the visit date", "registry therapy history", ExportedPatient.Visit::regimen));
        columns.add(new ExportColumn<>("regimenDoses", "string", null, "free text built by the registry",
                "The same drugs with dose and frequency, as a person reads them", "registry therapy history",
                ExportedPatient.Visit::regimenDoses));
        columns.add(new ExportColumn<>("prednisoneMgPerDay", "decimal", "mg/day", "≥ 0", "Prednisone-equivalent daily "
                + "glucocorticoid dose on the visit date; empty without a daily oral or IV glucocorticoid",
                "clinical.md §3", ExportedPatient.Visit::prednisoneMgPerDay));
        return List.copyOf(columns);
    }

    /** Where a visit value is defined: the core set of clinical.md §2, or the inputs rules version 2 added. */
    private static String source(VisitMeasure measure) {
        return switch (measure) {
            case BODY_WEIGHT_KG, CDASI_ACTIVITY, DYSPHAGIA, FINGER_FLEXOR_WEAKNESS, QUADRICEPS_WEAKNESS ->
                    "clinical-v2.md New inputs";
            default -> "clinical.md §2";
        };
    }

    /** {@code ck}, {@code aldolase}, {@code ldh}, {@code ast}, {@code alt}: the names the visit import uses. */
    public static String enzymeColumn(EnzymeTest test) {
        return test.name().toLowerCase(Locale.ROOT);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
