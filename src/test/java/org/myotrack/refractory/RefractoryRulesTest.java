package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.StopReason;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class RefractoryRulesTest {

    @Test
    void shouldRaiseNoFlagForARecordWithoutVisits() {
        Evaluation evaluation = patient().prednisone(20, START, null).methotrexate(START, null, null).evaluate();

        assertThat(evaluation.flags()).isEmpty();
        assertThat(evaluation.refractory()).isFalse();
        assertThat(evaluation.rulesVersion()).isEqualTo("2");
    }

    @Test
    void shouldRaiseNoFlagForAResponder() {
        Evaluation evaluation = patient()
                .prednisone(40, START, START.plusMonths(3).minusDays(1)).prednisone(5, START.plusMonths(3), null)
                .methotrexate(START, null, null)
                .visit(START, Values.active())
                .visit(START.plusMonths(4), Values.quiet().mmt8(140))
                .visit(START.plusMonths(8), Values.quiet())
                .evaluate();

        assertThat(evaluation.flags()).isEmpty();
        assertThat(evaluation.refractory()).isFalse();
    }

    /**
     * Seronegative polymyositis from 58: prednisone with methotrexate fails (still active at 12 weeks, stopped for
     * inefficacy at 16), azathioprine is not tolerated, prednisone stays at 15 mg, the biopsy shows no inflammation,
     * and the patient has come to have difficulty swallowing.
     */
    @Test
    void shouldCombineFlagsWithTheirOwnSinceDatesAndEvidence() {
        LocalDate methotrexateStop = START.plusWeeks(16);
        LocalDate azathioprineStop = methotrexateStop.plusWeeks(5);
        LocalDate latest = START.plusMonths(12);
        Evaluation evaluation = patient().diagnosis(Diagnosis.PM).onsetAge(58)
                .prednisone(40, START, START.plusWeeks(8).minusDays(1))
                .prednisone(15, START.plusWeeks(8), null)
                .methotrexate(START, methotrexateStop, StopReason.INEFFICACY)
                .agent(Drug.AZATHIOPRINE, methotrexateStop, azathioprineStop, StopReason.INTOLERANCE)
                .agent(Drug.MYCOPHENOLATE, azathioprineStop, null, null)
                .visit(START, Values.active())
                .visit(START.plusWeeks(12), Values.active())
                .visit(START.plusMonths(6), Values.active().mmt8(110))
                .visit(latest, Values.active().mmt8(108).dysphagia(true))
                .investigation(InvestigationType.BIOPSY, START.plusMonths(7), Finding.NONSPECIFIC_MYOPATHIC)
                .evaluate();

        assertThat(evaluation.refractory()).isTrue();
        assertThat(evaluation.flags()).extracting(Flag::code, Flag::since).containsExactly(
                tuple(FlagCode.INADEQUATE_RESPONSE, START.plusWeeks(12)),
                tuple(FlagCode.GLUCOCORTICOID_DEPENDENCE, START.plusMonths(6)),
                tuple(FlagCode.MULTIPLE_AGENT_FAILURE, azathioprineStop),
                tuple(FlagCode.REEVALUATE_DIAGNOSIS, latest),
                tuple(FlagCode.CONSIDER_IBM, latest));
        assertThat(evaluation.flags().get(0).evidence()).extracting(Evidence::kind, Evidence::id).containsExactly(
                tuple("therapy", 1001L), tuple("therapy", 1003L), tuple("visit", 1L), tuple("visit", 2L));
        assertThat(evaluation.flags().get(1).evidence()).extracting(Evidence::id).containsExactly(1001L, 1002L);
        assertThat(evaluation.flags().get(2).evidence()).extracting(Evidence::id).containsExactly(1003L, 1004L);
        assertThat(evaluation.flags().get(3).evidence()).extracting(Evidence::kind, Evidence::id)
                .containsExactly(tuple("investigation", 2001L), tuple("patient", 42L));
        assertThat(evaluation.flags().get(4).evidence()).extracting(Evidence::kind, Evidence::id)
                .containsExactly(tuple("patient", 42L), tuple("visit", 1L), tuple("visit", 4L));
        assertThat(evaluation.flags().get(4).message()).contains("refractory, with dysphagia on 2021-01-06");
    }

    @Test
    void shouldCombineATrajectoryFlagWithPromptsWithoutMakingThePatientRefractory() {
        Evaluation evaluation = patient()
                .visit(START, Values.quiet().mmt8(130).ck(150))
                .visit(START.plusMonths(3), Values.quiet().mmt8(130).ck(150).extramuscular(3))
                .visit(START.plusMonths(6), Values.quiet().mmt8(128).ck(150).extramuscular(2.8))
                .evaluate();

        assertThat(evaluation.flags()).extracting(Flag::code, Flag::since).containsExactly(
                tuple(FlagCode.CONFIRMED_WORSENING, START.plusMonths(6)),
                tuple(FlagCode.WEAKNESS_WITHOUT_ACTIVITY, START.plusMonths(6)));
        assertThat(evaluation.refractory()).isFalse();
    }

    @Test
    void shouldApplyChangedThresholdsAndReportADifferentRulesVersion() {
        PatientRecord elevenWeeks = patient().prednisone(40, START, null).methotrexate(START, null, null)
                .visit(START, Values.active()).visit(START.plusWeeks(11), Values.active()).build();
        RuleConfig defaults = RuleConfig.defaults();
        RuleConfig eightWeeks = new RuleConfig(8, defaults.dependenceDoseMg(), defaults.dependenceMonths(),
                defaults.courseGapDays(), defaults.activeMmt8FractionOfMax(), defaults.weakMmt8FractionOfMax(),
                defaults.weakCmas(), defaults.activeGlobalCm(), defaults.activeEnzymeTimesUln(), defaults.activeHaq(),
                defaults.skinCdasiActivity(), defaults.riseFromZeroCm(), defaults.riseFromZeroHaq(),
                defaults.regimenBaselineDaysBefore(), defaults.regimenBaselineDaysAfter(), defaults.bodyWeightWindowDays(),
                defaults.juvenileDependenceMgPerKg(), defaults.weaknessLookbackMonths(), defaults.steroidMyopathyDoseMg(),
                defaults.steroidMyopathyWeeks(), defaults.enzymesWithoutWeaknessGainPercent(), defaults.ibmOnsetAge(),
                defaults.ibmDurationMonths(), defaults.ibmMaxCkTimesUln(), defaults.ibmProgressionMonths());

        Evaluation underDefaults = RefractoryRules.evaluate(elevenWeeks, defaults);
        Evaluation underEightWeeks = RefractoryRules.evaluate(elevenWeeks, eightWeeks);

        assertThat(underDefaults.flags()).isEmpty();
        assertThat(underDefaults.rulesVersion()).isEqualTo("2");
        assertThat(underEightWeeks.flags()).extracting(Flag::code, Flag::since)
                .containsExactly(tuple(FlagCode.INADEQUATE_RESPONSE, START.plusWeeks(11)));
        assertThat(underEightWeeks.rulesVersion()).isEqualTo(eightWeeks.version()).startsWith("2+");
    }

    @Test
    void shouldReadNothingAfterTheLatestVisit() {
        LocalDate latest = START.plusMonths(5);
        Evaluation evaluation = patient().diagnosis(Diagnosis.DM)
                .methotrexate(START, START.plusWeeks(14), StopReason.INEFFICACY)
                .agent(Drug.AZATHIOPRINE, START.plusWeeks(14), latest.plusMonths(4), StopReason.INEFFICACY)
                .visit(START, Values.quiet().mmt8(140)).visit(latest, Values.quiet())
                .prednisone(20, latest.plusDays(1), null)
                .investigation(InvestigationType.BIOPSY, latest.plusDays(1), Finding.RIMMED_VACUOLES)
                .evaluate();

        assertThat(evaluation.flags()).isEmpty();
    }
}
