package org.myotrack.web;

import io.quarkus.qute.TemplateGlobal;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagCode;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.visit.EnzymeTest;

import java.util.Arrays;
import java.util.List;

/** The registry's vocabularies as the pages' select boxes offer them, available to every template. */
@TemplateGlobal
public final class Vocabulary {

    static final List<String> diagnoses = names(Diagnosis.values());
    static final List<String> sexes = names(Sex.values());
    static final List<String> antibodies = names(Antibody.values());
    static final List<String> antibodyResults = names(AntibodyResult.values());
    static final List<String> drugs = names(Drug.values());
    static final List<String> doseUnits = names(DoseUnit.values());
    static final List<String> frequencies = names(Frequency.values());
    static final List<String> routes = names(Route.values());
    static final List<String> stopReasons = names(StopReason.values());
    static final List<String> investigationTypes = names(InvestigationType.values());
    static final List<String> findings = names(Finding.values());
    static final List<String> flagCodes = names(FlagCode.values());
    static final List<String> enzymeTests = names(EnzymeTest.values());
    static final List<String> refractoryOptions = List.of("true", "false");
    static final List<String> dateModes = List.of("shifted", "relative");
    static final List<Option> statinExposures = Arrays.stream(StatinExposure.values())
            .map(exposure -> new Option(exposure.name(), exposure.label())).toList();
    /** A finding that may be unknown: the empty value is "not recorded", which is not "no". */
    static final List<Option> yesNoOptions = List.of(new Option("", "Not recorded"), new Option("true", "Yes"),
            new Option("false", "No"));

    /** One option of a select: the value the form sends and the words the user reads. */
    public record Option(String value, String label) {
    }

    private Vocabulary() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
