package org.myotrack.cohort.export;

import org.myotrack.patient.Diagnosis;
import org.myotrack.visit.EnzymeTest;

/** Code systems and codes the FHIR export uses (clinical.md §1): always a system with a code. */
final class FhirCodes {

    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED_CT = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SUBGROUP = "urn:myositis-registry:subgroup";
    static final String DRUG = "urn:myositis-registry:drug";
    static final String STOP_REASON = "urn:myositis-registry:stop-reason";
    static final String ANTIBODY = "urn:myositis-registry:antibody";
    static final String PSEUDONYM = "urn:myositis-registry:pseudonym";
    static final String SITE = "urn:myositis-registry:site";
    static final String STATIN_EXPOSURE = "urn:myositis-registry:statin-exposure";
    /** LOINC 29463-7 Body weight, the vital-sign code FHIR's body-weight profile requires. */
    static final String BODY_WEIGHT_LOINC = "29463-7";
    /** Codes of {@link VisitMeasure#CODE_SYSTEM} for the patient's statin exposure and its start date. */
    static final String STATIN_EXPOSURE_CODE = "statin-exposure";
    static final String STATIN_START_DATE_CODE = "statin-start-date";
    static final String BIRTH_YEAR_EXTENSION = "urn:myositis-registry:birth-year";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private FhirCodes() {
    }

    /** ICD-10-CM code and display (clinical.md §1: M33.0x JDM, M33.1x other DM, M33.13 amyopathic, M33.2x PM, G72.41 IBM, G72.49 other). */
    static String[] icd10(Diagnosis diagnosis) {
        return switch (diagnosis) {
            case JDM -> new String[] {"M33.00", "Juvenile dermatomyositis, organ involvement unspecified"};
            case DM -> new String[] {"M33.10", "Other dermatomyositis, organ involvement unspecified"};
            case CADM -> new String[] {"M33.13", "Other dermatomyositis without myopathy"};
            case PM -> new String[] {"M33.20", "Polymyositis, organ involvement unspecified"};
            case IBM -> new String[] {"G72.41", "Inclusion body myositis [IBM]"};
            default -> new String[] {"G72.49", "Other inflammatory and immune myopathies, not elsewhere classified"};
        };
    }

    /** SNOMED CT concept where clinical.md names one (396230008 DM, 31384009 PM, 72315009 IBM); null otherwise. */
    static String[] snomed(Diagnosis diagnosis) {
        return switch (diagnosis) {
            case DM, JDM, CADM -> new String[] {"396230008", "Dermatomyositis"};
            case PM -> new String[] {"31384009", "Polymyositis"};
            case IBM -> new String[] {"72315009", "Inclusion body myositis"};
            default -> null;
        };
    }

    /** Display of the enzyme's LOINC code ({@link EnzymeTest#loinc()}): the serum or plasma activity. */
    static String loincDisplay(EnzymeTest test) {
        return switch (test) {
            case CK -> "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma";
            case ALDOLASE -> "Aldolase [Enzymatic activity/volume] in Serum or Plasma";
            case LDH -> "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma";
            case AST -> "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma";
            case ALT -> "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma";
        };
    }
}
