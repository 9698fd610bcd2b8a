package org.myotrack.cohort.export;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.visit.EnzymeTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data dictionary of the exports, generated from the same column list the writers use: every column with
 * type, unit, allowed range, meaning and source, the nested NDJSON fields, the FHIR mapping and the
 * de-identification applied.
 */
public final class CohortDictionary {

    /** One described field. */
    public record Entry(String name, String type, String unit, String range, String meaning, String source) {
    }

    /** Where a FHIR resource takes its codes from. */
    public record FhirMapping(String resource, String content, String codeSystem) {
    }

    public record Dictionary(List<String> formats, List<String> deidentification, List<Entry> patientColumns,
                             List<Entry> visitColumns, String wideVisitColumns, List<Entry> ndjsonNestedFields,
                             List<FhirMapping> fhir) {
    }

    private CohortDictionary() {
    }

    public static Dictionary describe(int minimumGroupSize, int birthYearBand) {
        return new Dictionary(
                Arrays.stream(ExportFormat.values()).map(format -> format.parameter() + " (" + format.mediaType() + ")").toList(),
                List.of("No external id, no names, no free-text notes; the registry code is replaced by the pseudonym.",
                        "Pseudonym and date shift are HMAC-SHA256 of the registry code under the registry secret: stable "
                                + "across exports, not reversible without the secret.",
                        "Every date moves back by one offset per patient of 0–364 days; with dates=relative dates are days "
                                + "since diagnosis instead (fhir needs calendar dates and accepts shifted only).",
                        "Birth year only; patients aged 90 or more in the year of export show 90+.",
                        "When the smallest group over (site, sex, birth year, diagnosis) is under " + minimumGroupSize
                                + ", birth years are given in " + birthYearBand + "-year bands; the response headers "
                                + "X-K-Anonymity and X-K-Anonymity-Note tell the outcome.",
                        "Text cells of the CSV formats starting with = + - @, a tab or a carriage return get a leading "
                                + "apostrophe so spreadsheets never run them as formulas."),
                entries(ExportColumns.PATIENT), entries(ExportColumns.VISIT),
                "csv-wide: one group per visit, visit{n}_{name} for every visit column except visitNumber, n from 1 to "
                        + "the most visits any patient of the cohort has; groups past a patient's last visit are empty.",
                nested(),
                List.of(new FhirMapping("Patient", "pseudonym as id and identifier, gender, birthDate as a year "
                                + "(a band or 90+ in the extension " + FhirCodes.BIRTH_YEAR_EXTENSION + "), site as managingOrganization",
                                FhirCodes.PSEUDONYM + ", " + FhirCodes.SITE),
                        new FhirMapping("Condition", "the subgroup, onset (onsetDateTime) and diagnosis date (recordedDate)",
                                FhirCodes.ICD10_CM + ", " + FhirCodes.SNOMED_CT + " (DM, PM, IBM), " + FhirCodes.SUBGROUP),
                        new FhirMapping("Observation (exam)", "one panel per visit (code " + VisitMeasure.PANEL_CODE
                                + ") with a component per recorded core-set, damage, quality-of-life and rules-v2 "
                                + "measure; yes/no findings as valueBoolean",
                                VisitMeasure.CODE_SYSTEM + " codes " + Arrays.stream(VisitMeasure.values())
                                .filter(measure -> measure != VisitMeasure.BODY_WEIGHT_KG)
                                .map(VisitMeasure::code).collect(Collectors.joining(", "))),
                        new FhirMapping("Observation (vital-signs)", "the body weight of a visit, valueQuantity in kg "
                                + "(UCUM " + FhirCodes.UCUM + " code kg)", FhirCodes.LOINC + " " + FhirCodes.BODY_WEIGHT_LOINC
                                + " Body weight"),
                        new FhirMapping("Observation (social-history)", "statin exposure, when recorded, as a coded value "
                                + "(NEVER, PAST, CURRENT), with the shifted start date as a component (code "
                                + FhirCodes.STATIN_START_DATE_CODE + ")", VisitMeasure.CODE_SYSTEM + " code "
                                + FhirCodes.STATIN_EXPOSURE_CODE + "; " + FhirCodes.STATIN_EXPOSURE),
                        new FhirMapping("Observation (laboratory)", "each enzyme result with the laboratory's ULN as "
                                + "referenceRange.high; each serology result as POS/NEG/IND", FhirCodes.LOINC + " "
                                + Arrays.stream(EnzymeTest.values()).map(t -> t.name() + " " + t.loinc()).collect(Collectors.joining(", "))
                                + "; " + FhirCodes.ANTIBODY),
                        new FhirMapping("MedicationStatement", "each therapy entry with effectivePeriod, dose, route and "
                                + "stop reason", FhirCodes.DRUG + ", " + FhirCodes.STOP_REASON)));
    }

    private static <T> List<Entry> entries(List<ExportColumn<T>> columns) {
        return columns.stream().map(c -> new Entry(c.name(), c.type(), c.unit(), c.range(), c.meaning(), c.source())).toList();
    }

    private static List<Entry> nested() {
        List<Entry> fields = new ArrayList<>();
        fields.add(new Entry("flags[].code / flags[].since", "code / date", null, "flag codes; dates as visitDate",
                "Each flag that holds and the date from which it holds", "clinical.md §6"));
        fields.add(new Entry("antibodies[].antibody / result / testDate", "code / code / date", null,
                "clinical.md §1 antibodies; " + names(AntibodyResult.values()), "Every serology result recorded", "clinical.md §1"));
        fields.add(new Entry("visits[]", "object", null, "the visit columns above", "Visits in date order; enzymes "
                + "nested as enzymes[].test/value/uln/unit, regimen as a list of drug codes", "clinical.md §2"));
        fields.add(new Entry("therapies[].drug / drugClass / drugName / dose / doseUnit / frequency / route / startDate / "
                + "endDate / stopReason", "code / code / string / decimal / code / code / code / date / date / code", null,
                names(Drug.values()) + "; " + names(DoseUnit.values()) + "; " + names(Frequency.values()) + "; "
                        + names(Route.values()) + "; " + names(StopReason.values()),
                "Every therapy entry; an open end date means ongoing", "clinical.md §3"));
        fields.add(new Entry("investigations[].date / type / findings", "date / code / code list", null,
                names(InvestigationType.values()) + "; " + names(Finding.values()), "MRI, biopsy and EMG with findings", "clinical.md §2"));
        return fields;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
