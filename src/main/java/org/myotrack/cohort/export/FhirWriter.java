package org.myotrack.cohort.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.myotrack.patient.StatinExposure;
import org.myotrack.therapy.DoseUnit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code fhir}: FHIR R4 resources as NDJSON (one resource per line, the Bulk Data export layout), built with the
 * HAPI FHIR structures: per patient a Patient, a Condition coded in ICD-10-CM, SNOMED CT where one exists and the
 * registry's subgroup, an Observation of statin exposure when recorded, an Observation per serology result, per visit
 * (a panel of the recorded measures in the local code system, and the body weight as LOINC 29463-7) and per enzyme (LOINC, with the laboratory's ULN as reference range), and a MedicationStatement per therapy with its period.
 * Resource ids derive from the pseudonym, so no database id leaves the registry and exports are repeatable.
 */
final class FhirWriter implements CohortWriter {

    private final Writer out;
    private final FhirContext context;

    FhirWriter(Writer out, FhirContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public void begin() {
        // NDJSON has no header.
    }

    @Override
    public void write(ExportedPatient patient) throws IOException {
        out.write(render(patient));
    }

    /**
     * Renders a batch on every core (HAPI's encoding is the export's main cost) and writes it in the batch's order,
     * so the output is the same as one patient after the other.
     */
    @Override
    public void writeAll(List<ExportedPatient> patients) throws IOException {
        for (String lines : patients.parallelStream().map(this::render).toList()) {
            out.write(lines);
        }
    }

    /** The patient's resources, one JSON line each. A parser per call: HAPI parsers are not thread-safe. */
    private String render(ExportedPatient patient) {
        IParser parser = context.newJsonParser().setPrettyPrint(false);
        StringBuilder lines = new StringBuilder(32_768);
        for (IBaseResource resource : resources(patient)) {
            lines.append(parser.encodeResourceToString(resource)).append('\n');
        }
        return lines.toString();
    }

    private static List<IBaseResource> resources(ExportedPatient patient) {
        String id = patient.pseudonym();
        Reference subject = new Reference("Patient/" + id);
        List<IBaseResource> resources = new ArrayList<>();
        resources.add(patient(patient));
        resources.add(condition(patient, subject));
        if (patient.statinExposure() != StatinExposure.UNKNOWN || patient.statinStartDate() != null) {
            resources.add(statinExposure(patient, subject));
        }
        int serology = 0;
        for (ExportedPatient.AntibodyTest test : patient.antibodies()) {
            resources.add(antibody(id + "-ab" + (++serology), test, subject));
        }
        for (ExportedPatient.Visit visit : patient.visits()) {
            if (hasMeasures(visit)) {
                resources.add(coreSet(id, visit, subject));
            }
            if (visit.measure(VisitMeasure.BODY_WEIGHT_KG) != null) {
                resources.add(bodyWeight(id, visit, subject));
            }
            for (ExportedPatient.Enzyme enzyme : visit.enzymes()) {
                resources.add(enzyme(id, visit, enzyme, subject));
            }
        }
        for (ExportedPatient.Therapy therapy : patient.therapies()) {
            resources.add(therapy(id, therapy, subject));
        }
        return resources;
    }

    private static Patient patient(ExportedPatient patient) {
        Patient resource = new Patient();
        resource.setId(patient.pseudonym());
        resource.addIdentifier(new Identifier().setSystem(FhirCodes.PSEUDONYM).setValue(patient.pseudonym()));
        resource.setGender(switch (patient.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        if (patient.birthYear().matches("\\d{4}")) {
            resource.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(patient.birthYear()));
        } else {
            // A band or 90+ is no FHIR date: it travels as text in the registry's own extension.
            resource.addExtension(FhirCodes.BIRTH_YEAR_EXTENSION, new StringType(patient.birthYear()));
        }
        resource.setManagingOrganization(new Reference().setIdentifier(
                new Identifier().setSystem(FhirCodes.SITE).setValue(patient.siteCode())).setDisplay(patient.siteCode()));
        return resource;
    }

    private static Condition condition(ExportedPatient patient, Reference subject) {
        Condition condition = new Condition();
        condition.setId(patient.pseudonym() + "-dx");
        condition.setSubject(subject);
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        condition.addCategory(new CodeableConcept(new Coding(FhirCodes.CONDITION_CATEGORY, "encounter-diagnosis",
                "Encounter Diagnosis")));
        CodeableConcept code = new CodeableConcept();
        String[] icd = FhirCodes.icd10(patient.diagnosis());
        code.addCoding(new Coding(FhirCodes.ICD10_CM, icd[0], icd[1]));
        String[] snomed = FhirCodes.snomed(patient.diagnosis());
        if (snomed != null) {
            code.addCoding(new Coding(FhirCodes.SNOMED_CT, snomed[0], snomed[1]));
        }
        code.addCoding(new Coding(FhirCodes.SUBGROUP, patient.diagnosis().name(), null));
        code.setText(patient.diagnosis().name());
        condition.setCode(code);
        if (patient.onsetDate() != null) {
            condition.setOnset(dateTime(patient.onsetDate()));
        }
        if (patient.diagnosisDate() != null) {
            condition.setRecordedDateElement(dateTime(patient.diagnosisDate()));
        }
        return condition;
    }

    private static Observation antibody(String id, ExportedPatient.AntibodyTest test, Reference subject) {
        Observation observation = observation(id, "laboratory", subject);
        observation.setCode(new CodeableConcept(new Coding(FhirCodes.ANTIBODY, test.antibody().name(), null))
                .setText("Anti-" + test.antibody().name() + " antibody"));
        observation.setValue(new CodeableConcept(new Coding(FhirCodes.INTERPRETATION, switch (test.result()) {
            case POSITIVE -> "POS";
            case NEGATIVE -> "NEG";
            case EQUIVOCAL -> "IND";
        }, test.result().name())));
        if (test.testDate() != null) {
            observation.setEffective(dateTime(test.testDate()));
        }
        return observation;
    }

    /** Whether the visit has a value for its panel: any but the body weight, which is an Observation of its own. */
    static boolean hasMeasures(ExportedPatient.Visit visit) {
        for (VisitMeasure measure : VisitMeasure.values()) {
            if (measure != VisitMeasure.BODY_WEIGHT_KG && visit.measure(measure) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The visit's core-set, damage and quality-of-life measures as one panel Observation with a component per
     * recorded measure (as FHIR groups the parts of one assessment, like a blood-pressure panel), each coded in
     * the registry's measure system; the MMT-8 scale maximum is a component of its own, a yes/no finding a
     * valueBoolean. The body weight has a LOINC code and goes in its own Observation.
     */
    private static Observation coreSet(String id, ExportedPatient.Visit visit, Reference subject) {
        Observation observation = observation(id + "-v" + visit.number(), "exam", subject);
        observation.setCode(new CodeableConcept(new Coding(VisitMeasure.CODE_SYSTEM, VisitMeasure.PANEL_CODE,
                "IMACS core set, damage and quality of life at one visit")));
        observation.setEffective(dateTime(visit.date()));
        for (VisitMeasure measure : VisitMeasure.values()) {
            Object value = visit.measure(measure);
            if (value != null && measure != VisitMeasure.BODY_WEIGHT_KG) {
                observation.addComponent()
                        .setCode(new CodeableConcept(new Coding(VisitMeasure.CODE_SYSTEM, measure.code(), measure.meaning())))
                        .setValue(value instanceof Boolean finding ? new BooleanType(finding)
                                : new Quantity().setValue(((Number) value).doubleValue()).setUnit(measure.unit()));
            }
        }
        return observation;
    }

    /** The visit's body weight as the vital sign FHIR defines: LOINC 29463-7, a UCUM quantity in kg. */
    private static Observation bodyWeight(String id, ExportedPatient.Visit visit, Reference subject) {
        Observation observation = observation(id + "-v" + visit.number() + "-weight", "vital-signs", subject);
        observation.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, FhirCodes.BODY_WEIGHT_LOINC, "Body weight"))
                .setText("Body weight"));
        observation.setEffective(dateTime(visit.date()));
        double kg = ((Number) visit.measure(VisitMeasure.BODY_WEIGHT_KG)).doubleValue();
        observation.setValue(new Quantity().setValue(kg).setUnit("kg").setSystem(FhirCodes.UCUM).setCode("kg"));
        return observation;
    }

    /**
     * The patient's statin exposure (clinical-v2.md R10) as a history Observation: the answer coded in the registry's
     * statin-exposure system, the start date, shifted like every date, as a component. Left out while UNKNOWN with
     * no date, as FHIR leaves out what was never recorded.
     */
    private static Observation statinExposure(ExportedPatient patient, Reference subject) {
        Observation observation = observation(patient.pseudonym() + "-statin", "social-history", subject);
        observation.setCode(new CodeableConcept(new Coding(VisitMeasure.CODE_SYSTEM, FhirCodes.STATIN_EXPOSURE_CODE,
                "Statin exposure")).setText("Statin exposure"));
        observation.setValue(new CodeableConcept(new Coding(FhirCodes.STATIN_EXPOSURE, patient.statinExposure().name(),
                patient.statinExposure().label())));
        if (patient.statinStartDate() != null) {
            observation.addComponent()
                    .setCode(new CodeableConcept(new Coding(VisitMeasure.CODE_SYSTEM, FhirCodes.STATIN_START_DATE_CODE,
                            "Date the statin was started")))
                    .setValue(dateTime(patient.statinStartDate()));
        }
        return observation;
    }

    private static Observation enzyme(String id, ExportedPatient.Visit visit, ExportedPatient.Enzyme enzyme, Reference subject) {
        String test = enzyme.test().name().toLowerCase(Locale.ROOT);
        Observation observation = observation(id + "-v" + visit.number() + "-" + test, "laboratory", subject);
        observation.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, enzyme.test().loinc(),
                FhirCodes.loincDisplay(enzyme.test()))));
        observation.setEffective(dateTime(visit.date()));
        observation.setValue(quantity(enzyme.value(), enzyme.unit()));
        observation.addReferenceRange().setHigh(quantity(enzyme.uln(), enzyme.unit()));
        return observation;
    }

    private static Quantity quantity(double value, String unit) {
        Quantity quantity = new Quantity().setValue(value).setUnit(unit);
        if ("U/L".equals(unit)) {
            quantity.setSystem(FhirCodes.UCUM).setCode("U/L");
        }
        return quantity;
    }

    private static Observation observation(String id, String category, Reference subject) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(FhirCodes.OBSERVATION_CATEGORY, category, null)));
        observation.setSubject(subject);
        return observation;
    }

    private static MedicationStatement therapy(String id, ExportedPatient.Therapy therapy, Reference subject) {
        MedicationStatement statement = new MedicationStatement();
        statement.setId(id + "-rx" + therapy.number());
        statement.setStatus(therapy.end() == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : MedicationStatement.MedicationStatementStatus.COMPLETED);
        String name = therapy.drugName() != null ? therapy.drugName() : therapy.drug().name();
        statement.setMedication(new CodeableConcept(new Coding(FhirCodes.DRUG, therapy.drug().name(), null)).setText(name));
        statement.setSubject(subject);
        Period period = new Period().setStartElement(dateTime(therapy.start()));
        if (therapy.end() != null) {
            period.setEndElement(dateTime(therapy.end()));
        }
        statement.setEffective(period);
        if (therapy.stopReason() != null) {
            statement.addStatusReason(new CodeableConcept(new Coding(FhirCodes.STOP_REASON, therapy.stopReason().name(), null)));
        }
        Dosage dosage = statement.addDosage();
        StringBuilder text = new StringBuilder();
        if (therapy.dose() != null) {
            String unit = unit(therapy.doseUnit());
            dosage.addDoseAndRate().setDose(new Quantity().setValue(therapy.dose()).setUnit(unit));
            text.append(CsvCells.number(therapy.dose())).append(unit.isEmpty() ? "" : " " + unit);
        }
        if (therapy.frequency() != null) {
            text.append(text.isEmpty() ? "" : " ").append(therapy.frequency().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (therapy.route() != null) {
            dosage.setRoute(new CodeableConcept().setText(therapy.route().name()));
        }
        if (!text.isEmpty()) {
            dosage.setText(text.toString());
        }
        return statement;
    }

    private static String unit(DoseUnit unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case MG -> "mg";
            case G -> "g";
            case MG_PER_KG -> "mg/kg";
            case G_PER_KG -> "g/kg";
            case MG_PER_M2 -> "mg/m2";
            case UNITS -> "U";
        };
    }

    /** FHIR needs calendar dates: the fhir format is refused with dates=relative before anything is written. */
    private static DateTimeType dateTime(ExportDate date) {
        return new DateTimeType(date.date().toString());
    }

    @Override
    public void finish() {
        // The caller flushes the underlying stream once, at the end.
    }
}
