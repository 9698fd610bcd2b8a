package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.PatientRecordBuilder.Values;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

/** R10 of clinical-v2.md: statin exposure with anti-HMGCR, and what anti-HMGCR and anti-MDA5 add to the evidence. */
class SerologyPromptsTest {

    private static final LocalDate LATEST = START.plusYears(1);

    private static PatientRecordBuilder necrotisingMyopathy(AntibodyResult hmgcr, StatinExposure exposure) {
        return patient().diagnosis(Diagnosis.IMNM).antibody(Antibody.HMGCR, hmgcr)
                .statin(exposure, exposure == StatinExposure.PAST || exposure == StatinExposure.CURRENT
                        ? LocalDate.of(2017, 5, 1) : null)
                .visit(START, Values.active()).visit(LATEST, Values.active());
    }

    private static Optional<Flag> statinPrompt(PatientRecordBuilder builder) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == FlagCode.STATIN_EXPOSED_HMGCR).findFirst();
    }

    @ParameterizedTest(name = "HMGCR {0}, statin {1}: prompted {2}")
    @CsvSource({
        "POSITIVE, CURRENT, true",
        "POSITIVE, PAST, true",
        "POSITIVE, NEVER, false",
        "POSITIVE, UNKNOWN, false",
        "NEGATIVE, CURRENT, false",
    })
    void shouldPromptAnAntiHmgcrPatientExposedToAStatin(AntibodyResult hmgcr, StatinExposure exposure, boolean prompted) {
        assertThat(statinPrompt(necrotisingMyopathy(hmgcr, exposure)).isPresent()).isEqualTo(prompted);
    }

    @Test
    void shouldAdviseStoppingTheStatinWithoutMakingThePatientRefractory() {
        Evaluation evaluation = necrotisingMyopathy(AntibodyResult.POSITIVE, StatinExposure.CURRENT).evaluate();

        Flag flag = evaluation.flags().stream().filter(f -> f.code() == FlagCode.STATIN_EXPOSED_HMGCR).findFirst().orElseThrow();
        assertThat(flag.message()).isEqualTo("Anti-HMGCR myopathy with statin exposure: stop the statin and do not"
                + " re-challenge; IVIG is an early option.");
        assertThat(flag.evidence()).extracting(Evidence::detail)
                .containsExactly("Anti-HMGCR positive, current statin exposure (statin started 2017-05-01)");
        assertThat(flag.since()).isEqualTo(LATEST);
        assertThat(flag.code().makesRefractory()).isFalse();
        assertThat(evaluation.refractory()).isFalse();
    }

    @Test
    void shouldAskForStatinExposureInTheEvidenceOfEveryFlagWhenUnknown() {
        Evaluation evaluation = necrotisingMyopathy(AntibodyResult.POSITIVE, StatinExposure.UNKNOWN)
                .prednisone(10, START, null).evaluate();

        assertThat(evaluation.flags()).isNotEmpty().allSatisfy(flag -> assertThat(flag.evidence())
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("Anti-HMGCR positive: record statin exposure (never, past or current)")));
        assertThat(evaluation.toRecord()).contains("Statin exposure (never, past or current): the patient is anti-HMGCR positive");
        assertThat(necrotisingMyopathy(AntibodyResult.POSITIVE, StatinExposure.NEVER).evaluate().toRecord()).isEmpty();
    }

    @Test
    void shouldAddRapidlyProgressiveIldScreeningToTheRefractoryFlagsOfAnAntiMda5Patient() {
        Evaluation evaluation = patient().antibody(Antibody.MDA5, AntibodyResult.POSITIVE).prednisone(10, START, null)
                .visit(START, Values.quiet()).visit(LATEST, Values.quiet().ck(400))
                .visit(LATEST.plusMonths(3), Values.quiet().ck(400)).evaluate();

        assertThat(evaluation.flags()).extracting(Flag::code)
                .containsExactly(FlagCode.GLUCOCORTICOID_DEPENDENCE, FlagCode.ENZYMES_WITHOUT_WEAKNESS);
        for (Flag flag : evaluation.flags()) {
            boolean screened = flag.evidence().stream()
                    .anyMatch(e -> e.detail().equals("Anti-MDA5 positive: screen for rapidly progressive ILD"));
            assertThat(screened).as(flag.code().name()).isEqualTo(flag.code().makesRefractory());
        }
    }
}
