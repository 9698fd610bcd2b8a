package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class GlucocorticoidDependenceRuleTest {

    private static final LocalDate SIX_MONTHS_IN = START.plusMonths(6);

    private static Optional<Flag> dependence(PatientRecordBuilder builder) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == FlagCode.GLUCOCORTICOID_DEPENDENCE).findFirst();
    }

    /** Induction at 40 mg, then {@code mg} from three months on, followed for a year. */
    private static PatientRecordBuilder heldAt(double mg) {
        return patient()
                .prednisone(40, START, START.plusMonths(3).minusDays(1))
                .prednisone(mg, START.plusMonths(3), null)
                .visit(START, Values.quiet())
                .visit(START.plusMonths(12), Values.quiet());
    }

    @Test
    void shouldNotFlagExactlySevenAndAHalfMilligramsBeyondSixMonths() {
        assertThat(dependence(heldAt(7.5))).isEmpty();
    }

    @ParameterizedTest(name = "{0} mg/day")
    @ValueSource(doubles = {7.6, 10})
    void shouldFlagADoseAboveSevenAndAHalfMilligramsSixMonthsIntoTheCourse(double mg) {
        Flag flag = dependence(heldAt(mg)).orElseThrow();

        assertThat(flag.since()).isEqualTo(SIX_MONTHS_IN);
        assertThat(flag.message()).isEqualTo("Prednisone-equivalent " + ClinicalText.number(mg) + " mg/day on "
                + SIX_MONTHS_IN + ", 6 months into a glucocorticoid course begun on " + START
                + ", is above 7.5 mg/day: the disease may not be controlled without glucocorticoids. " + WorkUp.SENTENCE);
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1002L);
        assertThat(flag.reference()).isEqualTo("German S2k guideline on myositis (DGN 2022): Cushing threshold 7.5 mg/day");
    }

    @Test
    void shouldNotFlagADoseAboveTheThresholdThatEndsFiveMonthsAndTwentyNineDaysIn() {
        PatientRecordBuilder record = patient()
                .prednisone(10, START, SIX_MONTHS_IN.minusDays(1))
                .prednisone(5, SIX_MONTHS_IN, null)
                .visit(START, Values.quiet()).visit(START.plusMonths(12), Values.quiet());
        assertThat(dependence(record)).isEmpty();
    }

    @Test
    void shouldDateTheFlagOnTheFirstDayAboveTheThresholdEvenBetweenVisits() {
        LocalDate raised = START.plusMonths(8).plusDays(3);
        PatientRecordBuilder record = patient()
                .prednisone(20, START, START.plusMonths(2).minusDays(1))
                .prednisone(5, START.plusMonths(2), raised.minusDays(1))
                .prednisone(15, raised, null)
                .visit(START, Values.quiet()).visit(START.plusMonths(12), Values.quiet());

        Flag flag = dependence(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(raised);
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1003L);
    }

    @Test
    void shouldRestartTheCourseAfterAGapOfMoreThanThirtyDays() {
        LocalDate restart = START.plusMonths(4).plusDays(31);
        PatientRecordBuilder record = patient()
                .prednisone(20, START, START.plusMonths(4).minusDays(1))
                .prednisone(10, restart, null)
                .visit(START, Values.quiet()).visit(restart.plusMonths(6).minusDays(1), Values.quiet());
        assertThat(dependence(record)).isEmpty();
    }

    @Test
    void shouldJoinACourseAcrossAGapOfThirtyDays() {
        LocalDate resumed = START.plusMonths(4).plusDays(29);
        PatientRecordBuilder record = patient()
                .prednisone(20, START, START.plusMonths(4).minusDays(1))
                .prednisone(10, resumed, null)
                .visit(START, Values.quiet()).visit(START.plusMonths(7), Values.quiet());
        assertThat(dependence(record).orElseThrow().since()).isEqualTo(SIX_MONTHS_IN);
    }

    @Test
    void shouldSumOverlappingGlucocorticoidsAsPrednisoneEquivalents() {
        PatientRecordBuilder record = patient()
                .prednisone(5, START, null)
                .therapy(Drug.METHYLPREDNISOLONE, 4, DoseUnit.MG, Frequency.DAILY, Route.ORAL, START.plusMonths(7), null, null)
                .visit(START, Values.quiet()).visit(START.plusMonths(9), Values.quiet());

        Flag flag = dependence(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusMonths(7));
        assertThat(flag.message()).startsWith("Prednisone-equivalent 10 mg/day");
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1002L);
    }

    @Test
    void shouldLeavePulsesOffTheDailyDoseCurve() {
        PatientRecordBuilder record = patient()
                .prednisone(5, START, null)
                .pulse(START.plusMonths(7))
                .visit(START, Values.quiet()).visit(START.plusMonths(9), Values.quiet());
        assertThat(dependence(record)).isEmpty();
    }

    @Test
    void shouldCountAnOngoingDoseOnlyUntilTheEvaluationDate() {
        PatientRecordBuilder record = patient()
                .prednisone(10, START, null)
                .visit(START, Values.quiet()).visit(SIX_MONTHS_IN.minusDays(1), Values.quiet());
        assertThat(dependence(record)).isEmpty();
    }

    /** Prednisolone 0.2 mg/kg/day from START for a year, a child of 40 kg weighed {@code daysFromDose} days from the day judged. */
    private static PatientRecordBuilder perKgWeighed(long daysFromDose, double mgPerKg) {
        return patient().diagnosis(org.myotrack.patient.Diagnosis.JDM).juvenile(true)
                .therapy(Drug.PREDNISOLONE, mgPerKg, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.ORAL, START, null, null)
                .visit(START, Values.quiet())
                .visit(SIX_MONTHS_IN.minusDays(daysFromDose), Values.quiet().bodyWeight(40))
                .visit(SIX_MONTHS_IN.plusDays(200), Values.quiet());
    }

    /** R6: a weight converts a dose per kg within 90 days of it (registry rule), not 91. */
    @ParameterizedTest(name = "weighed {0} days before: flagged {1}")
    @org.junit.jupiter.params.provider.CsvSource({"90, true", "91, false"})
    void shouldConvertADosePerKgWithAWeightWithinNinetyDays(long days, boolean flagged) {
        // 0.25 mg/kg at 40 kg is 10 mg/day, above 7.5 mg and above the juvenile 0.2 mg/kg × 40 kg = 8 mg.
        PatientRecordBuilder record = perKgWeighed(days, 0.25);

        assertThat(dependence(record).isPresent()).isEqualTo(flagged);
        if (flagged) {
            Flag flag = dependence(record).orElseThrow();
            assertThat(flag.since()).isEqualTo(SIX_MONTHS_IN);
            assertThat(flag.message()).startsWith("Prednisone-equivalent 10 mg/day on 2020-07-06");
            assertThat(flag.evidence()).extracting(Evidence::detail)
                    .contains("Body weight 40 kg on " + SIX_MONTHS_IN.minusDays(days) + ", used for the dose per kg");
        }
    }

    @Test
    void shouldUseTheEarliestLaterWeightWithinNinetyDaysWhenNoneIsBefore() {
        PatientRecordBuilder record = patient()
                .therapy(Drug.PREDNISOLONE, 0.25, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.ORAL, START, null, null)
                .visit(START, Values.quiet())
                .visit(SIX_MONTHS_IN.plusDays(90), Values.quiet().bodyWeight(40));
        assertThat(dependence(record).orElseThrow().since()).isEqualTo(SIX_MONTHS_IN);
    }

    @Test
    void shouldSayWhatToRecordWhenADosePerKgCannotBeConverted() {
        Evaluation evaluation = perKgWeighed(91, 0.25).evaluate();

        assertThat(evaluation.flags()).extracting(Flag::code).doesNotContain(FlagCode.GLUCOCORTICOID_DEPENDENCE);
        assertThat(evaluation.toRecord()).anySatisfy(note -> assertThat(note)
                .startsWith("Body weight at a visit within 90 days of 2020-07-06: prednisolone 0.25 mg/kg daily")
                .endsWith("so glucocorticoid dependence could not be judged on that day"));
    }

    /** R6: a child's threshold is min(7.5 mg, 0.2 mg/kg × weight) (registry rule); 7 mg/day in a 30 kg child is above 6 mg. */
    @ParameterizedTest(name = "juvenile {0}, {1} kg, 7 mg/day: flagged {2}")
    @org.junit.jupiter.params.provider.CsvSource({"true, 30, true", "true, 40, false", "false, 30, false"})
    void shouldApplyThePerKgThresholdToChildrenWithAKnownWeight(boolean juvenile, double kg, boolean flagged) {
        PatientRecordBuilder record = patient().juvenile(juvenile)
                .prednisone(7, START, null)
                .visit(START, Values.quiet().bodyWeight(kg))
                .visit(SIX_MONTHS_IN, Values.quiet().bodyWeight(kg));

        assertThat(dependence(record).isPresent()).isEqualTo(flagged);
        if (flagged) {
            assertThat(dependence(record).orElseThrow().message()).contains("is above 6 mg/day (0.2 mg/kg at 30 kg)");
        }
    }

    @Test
    void shouldKeepTheAdultThresholdForAChildWithoutAWeightAndSaySo() {
        Evaluation evaluation = patient().juvenile(true).prednisone(7, START, null)
                .visit(START, Values.quiet()).visit(SIX_MONTHS_IN, Values.quiet()).evaluate();

        assertThat(evaluation.flags()).isEmpty();
        assertThat(evaluation.toRecord()).containsExactly("Body weight at a visit within 90 days of 2020-07-06: the"
                + " juvenile dependence threshold of 0.2 mg/kg/day needs it");
    }

    /** R6: a later weight converts a dose up to 90 days after it, not 91. */
    @ParameterizedTest(name = "weighed {0} days after: flagged {1}")
    @org.junit.jupiter.params.provider.CsvSource({"90, true", "91, false"})
    void shouldUseALaterWeightOnlyWithinNinetyDays(long days, boolean flagged) {
        PatientRecordBuilder record = patient()
                .therapy(Drug.PREDNISOLONE, 0.25, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.ORAL, START,
                        SIX_MONTHS_IN, null)
                .visit(START, Values.quiet())
                .visit(SIX_MONTHS_IN.plusDays(days), Values.quiet().bodyWeight(40));
        assertThat(dependence(record).isPresent()).isEqualTo(flagged);
    }

    /** R6: the juvenile threshold is "above" 0.2 mg/kg × weight: 6 mg/day at 30 kg is exactly 6 and not above it. */
    @ParameterizedTest(name = "{0} mg/day at 30 kg: flagged {1}")
    @org.junit.jupiter.params.provider.CsvSource({"6, false", "6.1, true"})
    void shouldFlagAChildOnlyAboveThePerKgThreshold(double mg, boolean flagged) {
        PatientRecordBuilder record = patient().juvenile(true).prednisone(mg, START, null)
                .visit(START, Values.quiet().bodyWeight(30)).visit(SIX_MONTHS_IN, Values.quiet().bodyWeight(30));
        assertThat(dependence(record).isPresent()).isEqualTo(flagged);
    }

    /** R6, no guess: an intravenous dose per kg with no weight is neither a pulse nor a daily dose until weighed. */
    @Test
    void shouldAskForAWeightForAnIntravenousDosePerKg() {
        Evaluation evaluation = patient()
                .therapy(Drug.METHYLPREDNISOLONE, 1, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.IV, START, null, null)
                .visit(START, Values.quiet()).visit(SIX_MONTHS_IN, Values.quiet()).evaluate();

        assertThat(evaluation.flags()).isEmpty();
        assertThat(evaluation.toRecord()).anySatisfy(note -> assertThat(note)
                .startsWith("Body weight at a visit within 90 days of 2020-07-06: methylprednisolone 1 mg/kg daily IV"));
    }
}
