package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.scoring.ResponseCategory;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.StopReason;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class InadequateResponseRuleTest {

    private static Optional<Flag> inadequateResponse(PatientRecordBuilder builder) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == FlagCode.INADEQUATE_RESPONSE).findFirst();
    }

    /** Prednisone and methotrexate from START, active at START and again {@code weeks} weeks later. */
    private static PatientRecordBuilder activeAfterWeeks(int weeks) {
        return patient()
                .prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START, Values.active())
                .visit(START.plusWeeks(weeks), Values.active());
    }

    @Test
    void shouldFlagDiseaseStillActiveTwelveWeeksIntoPrednisoneWithMethotrexate() {
        Flag flag = inadequateResponse(activeAfterWeeks(12)).orElseThrow();

        assertThat(flag.since()).isEqualTo(START.plusWeeks(12));
        assertThat(flag.message()).isEqualTo("Still active 12 weeks after starting prednisone with methotrexate"
                + " (RIM adult criteria: MMT-8 100/150, PGA 4.5 cm, PtGA 5 cm, CK 3.1 × ULN, HAQ 1 on 2020-03-30);"
                + " check adherence. Work-up (Lundberg 2021): 1. confirm activity versus damage (MRI for oedema,"
                + " enzymes, extramuscular signs); 2. re-check the diagnosis (biopsy review, myositis antibodies, EMG);"
                + " 3. then change therapy.");
        assertThat(flag.workUp()).containsExactly(
                "confirm activity versus damage (MRI for oedema, enzymes, extramuscular signs)",
                "re-check the diagnosis (biopsy review, myositis antibodies, EMG)", "then change therapy");
        assertThat(flag.evidence()).extracting(Evidence::kind, Evidence::id).containsExactly(
                tuple("therapy", 1001L), tuple("therapy", 1002L),
                tuple("visit", 1L), tuple("visit", 2L));
        assertThat(flag.evidence().get(3).detail()).contains("2020-03-30", "MMT-8 100/150", "CK 3.1 × ULN");
        assertThat(flag.reference()).isEqualTo("Oddis et al., Arthritis Rheum 2013;65:314–24 (RIM trial entry criteria)");
    }

    @Test
    void shouldNotFlagElevenWeeksIntoTheCombination() {
        assertThat(inadequateResponse(activeAfterWeeks(11))).isEmpty();
    }

    @Test
    void shouldNotFlagTheDayBeforeTwelveWeeksAreComplete() {
        PatientRecordBuilder record = patient().prednisone(40, START, null).methotrexate(START, null, null)
                .visit(START, Values.active()).visit(START.plusWeeks(12).minusDays(1), Values.active());
        assertThat(inadequateResponse(record)).isEmpty();
    }

    @Test
    void shouldBeginTheCombinationOnTheFirstDayBothAreTaken() {
        LocalDate methotrexateStart = START.plusWeeks(4);
        PatientRecordBuilder record = patient().prednisone(40, START, null).methotrexate(methotrexateStart, null, null)
                .visit(START, Values.active()).visit(START.plusWeeks(12), Values.active())
                .visit(methotrexateStart.plusWeeks(12), Values.active());

        assertThat(inadequateResponse(record).orElseThrow().since()).isEqualTo(methotrexateStart.plusWeeks(12));
    }

    @Test
    void shouldCountIntoleranceBeforeTwelveWeeksAsAnAdequateTrial() {
        LocalDate stopped = START.plusWeeks(4);
        PatientRecordBuilder record = patient().prednisone(40, START, null)
                .methotrexate(START, stopped, StopReason.INTOLERANCE)
                .visit(START, Values.active()).visit(START.plusWeeks(6), Values.active());

        Flag flag = inadequateResponse(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusWeeks(6));
        assertThat(flag.message()).contains("methotrexate stopped for intolerance on " + stopped);
    }

    @Test
    void shouldNotCountInefficacyBeforeTwelveWeeksAsAnAdequateTrial() {
        PatientRecordBuilder record = patient().prednisone(40, START, null)
                .methotrexate(START, START.plusWeeks(4), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(START.plusWeeks(16), Values.active());
        assertThat(inadequateResponse(record)).isEmpty();
    }

    @Test
    void shouldNotCountAPulseAsTheGlucocorticoidOfACombination() {
        PatientRecordBuilder record = patient().pulse(START).methotrexate(START, null, null)
                .visit(START, Values.active()).visit(START.plusWeeks(16), Values.active());
        assertThat(inadequateResponse(record)).isEmpty();
    }

    @Test
    void shouldIgnoreTherapiesStartingAfterTheEvaluationDate() {
        PatientRecordBuilder record = patient().prednisone(40, START.minusWeeks(20), null)
                .methotrexate(START.plusWeeks(1), null, null)
                .visit(START.minusWeeks(20), Values.active()).visit(START, Values.active());
        assertThat(inadequateResponse(record)).isEmpty();
    }

    /** No visit in the baseline window (the first is 60 days before), so the activity test decides alone. */
    @ParameterizedTest(name = "MMT-8 {0}/150 active: {1}")
    @CsvSource({"125, true", "126, false"})
    void shouldJudgeStrengthAtTheRimCutOffWithoutABaseline(int mmt8, boolean flagged) {
        PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).prednisone(40, START, null).methotrexate(START, null, null)
                .visit(START.minusDays(60), Values.active())
                .visit(START.plusWeeks(12), Values.active().mmt8(mmt8));
        assertThat(inadequateResponse(record).isPresent()).isEqualTo(flagged);
    }

    @Test
    void shouldFlagLessThanMinimalImprovementAgainstAnActiveRegimenBaseline() {
        // Polymyositis: MMT-8 130/150 is not weak enough for RIM activity, so only the score can flag the follow-up.
        PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START.minusDays(60), Values.active())
                .visit(START.plusDays(10), Values.active().mmt8(120))
                .visit(START.plusWeeks(12), Values.active().mmt8(130));

        Flag flag = inadequateResponse(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusWeeks(12));
        assertThat(flag.message()).startsWith("Less than minimal improvement 12 weeks after starting prednisone with"
                + " methotrexate (TIS 10 on 2020-03-30 against the active regimen baseline of 2020-01-16)");
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1002L, 2L, 3L);
    }

    @Test
    void shouldNotFlagAMinimalImprovementWhenNoLongerActive() {
        PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START, Values.active().mmt8(120))
                .visit(START.plusWeeks(12), Values.active().mmt8(130).physicianGlobal(2.0).patientGlobal(3));
        assertThat(inadequateResponse(record)).isEmpty();
    }

    @Test
    void shouldCountAnIncompleteScoreAsBelowMinimalOnlyWhenTheMissingMeasuresCouldNotLiftIt() {
        // Polymyositis, active at 125/150 and no longer at 126/150: the score decides, and it is 0 plus what is missing.
        Values baseline = Values.active().mmt8(125).haq(null);
        PatientRecordBuilder withoutHaq = patient().diagnosis(Diagnosis.PM).prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START, baseline).visit(START.plusWeeks(12), Values.active().mmt8(126));
        Values withoutPhysicianGlobal = Values.active().mmt8(125).physicianGlobal(null);
        PatientRecordBuilder withoutPga = patient().diagnosis(Diagnosis.PM).prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START, withoutPhysicianGlobal).visit(START.plusWeeks(12), Values.active().mmt8(126));

        assertThat(inadequateResponse(withoutHaq)).isPresent();
        assertThat(inadequateResponse(withoutPga)).isEmpty();
    }

    @Test
    void shouldKeepTheFlagWithItsFirstDayAfterALaterGoodVisit() {
        PatientRecordBuilder record = activeAfterWeeks(12).visit(START.plusWeeks(30), Values.quiet());

        Evaluation evaluation = record.evaluate();
        Flag flag = evaluation.flags().get(0);
        assertThat(flag.code()).isEqualTo(FlagCode.INADEQUATE_RESPONSE);
        assertThat(flag.since()).isEqualTo(START.plusWeeks(12));
        assertThat(evaluation.refractory()).isTrue();
    }

    @Test
    void shouldNameTheLatestCombinationAndJudgeItAgainstItsOwnBaseline() {
        LocalDate switchDay = START.plusWeeks(14);
        PatientRecordBuilder record = patient().prednisone(40, START, null)
                .methotrexate(START, switchDay, StopReason.INEFFICACY)
                .agent(Drug.MYCOPHENOLATE, switchDay.plusDays(1), null, null)
                .visit(START, Values.active())
                .visit(START.plusWeeks(10), Values.quiet())
                .visit(switchDay, Values.quiet().mmt8(120).physicianGlobal(3))
                .visit(switchDay.plusWeeks(13), Values.active());

        Flag flag = inadequateResponse(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(switchDay.plusWeeks(13));
        assertThat(flag.message()).contains("prednisone with mycophenolate");
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1003L, 3L, 4L);
    }

    /** R3: methotrexate added to spare steroids in near-remission is not a failure because the score stays small. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"DM", "PM", "JDM"})
    void shouldNotFlagASteroidSparingStartFromNearRemission(Diagnosis diagnosis) {
        PatientRecordBuilder record = patient().diagnosis(diagnosis).juvenile(diagnosis == Diagnosis.JDM)
                .prednisone(10, START.minusMonths(4), null)
                .methotrexate(START, null, null)
                .visit(START, Values.quiet())
                .visit(START.plusWeeks(12), Values.quiet())
                .visit(START.plusWeeks(24), Values.quiet().physicianGlobal(0.4));

        assertThat(inadequateResponse(record)).isEmpty();
        assertThat(TotalImprovementScore.score(Values.quiet().build(), Values.quiet().build(),
                record.build().responseCriteria()).response()).isEqualTo(ResponseCategory.NONE);
    }

    /** R3 with R5: where the TIS is not validated, only the activity route can flag. */
    @ParameterizedTest(name = "{0}: flagged {1}")
    @CsvSource({"PM, true", "IMNM, false", "ASYS, false", "OVERLAP, false"})
    void shouldUseTheScoreRouteOnlyInSubgroupsWhereTheTisIsValidated(Diagnosis diagnosis, boolean flagged) {
        PatientRecordBuilder record = patient().diagnosis(diagnosis).prednisone(40, START, null)
                .methotrexate(START, null, null)
                .visit(START, Values.active().mmt8(120))
                .visit(START.plusWeeks(12), Values.active().mmt8(130));

        assertThat(inadequateResponse(record).isPresent()).isEqualTo(flagged);
    }
}
