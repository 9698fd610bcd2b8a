package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class MultipleAgentFailureRuleTest {

    private static final LocalDate METHOTREXATE_STOP = START.plusWeeks(16);
    private static final LocalDate LATEST = START.plusYears(2);

    private static Optional<Flag> failure(PatientRecordBuilder builder) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == FlagCode.MULTIPLE_AGENT_FAILURE).findFirst();
    }

    /** Methotrexate failed after 16 weeks, then azathioprine ended after {@code weeks} weeks for {@code reason}. */
    private static PatientRecordBuilder methotrexateThenAzathioprine(int weeks, StopReason reason) {
        return patient()
                .methotrexate(START, METHOTREXATE_STOP, StopReason.INEFFICACY)
                .agent(Drug.AZATHIOPRINE, METHOTREXATE_STOP, METHOTREXATE_STOP.plusWeeks(weeks), reason)
                .visit(START, Values.active()).visit(LATEST, Values.active());
    }

    @Test
    void shouldFlagTwoConventionalImmunosuppressantsThatFailedAfterAdequateTrials() {
        Flag flag = failure(methotrexateThenAzathioprine(14, StopReason.INEFFICACY)).orElseThrow();

        assertThat(flag.since()).isEqualTo(METHOTREXATE_STOP.plusWeeks(14));
        assertThat(flag.message()).isEqualTo("Conventional immunosuppressants failed after adequate trials"
                + " (methotrexate 20 mg weekly from 2020-01-06 to 2020-04-27 (16 weeks), stopped for inefficacy;"
                + " azathioprine 100 mg daily from 2020-04-27 to 2020-08-03 (14 weeks), stopped for inefficacy);"
                + " check adherence. " + WorkUp.SENTENCE);
        assertThat(flag.workUp()).isEqualTo(WorkUp.STEPS);
        assertThat(flag.evidence()).extracting(Evidence::kind).containsOnly("therapy");
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1001L, 1002L);
        assertThat(flag.reference()).isEqualTo("Oddis et al., Arthritis Rheum 2013 (RIM); BSR guideline 2022 (treatment lines)");
    }

    @Test
    void shouldNotCountATherapyStoppedForRemissionAsAFailure() {
        assertThat(failure(methotrexateThenAzathioprine(30, StopReason.REMISSION))).isEmpty();
    }

    @Test
    void shouldNotCountATherapyStoppedForAnotherReasonAsAFailure() {
        assertThat(failure(methotrexateThenAzathioprine(30, StopReason.OTHER))).isEmpty();
    }

    @Test
    void shouldCountIntoleranceBeforeTwelveWeeksAsAnAdequateTrial() {
        Flag flag = failure(methotrexateThenAzathioprine(3, StopReason.INTOLERANCE)).orElseThrow();
        assertThat(flag.since()).isEqualTo(METHOTREXATE_STOP.plusWeeks(3));
    }

    @Test
    void shouldNotCountInefficacyBeforeTwelveWeeksAsAnAdequateTrial() {
        assertThat(failure(methotrexateThenAzathioprine(11, StopReason.INEFFICACY))).isEmpty();
    }

    @Test
    void shouldCountADrugOnceHoweverManyOfItsCoursesFailed() {
        PatientRecordBuilder record = patient()
                .methotrexate(START, METHOTREXATE_STOP, StopReason.INEFFICACY)
                .methotrexate(METHOTREXATE_STOP.plusWeeks(10), METHOTREXATE_STOP.plusWeeks(30), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());
        assertThat(failure(record)).isEmpty();
    }

    @Test
    void shouldNotCountAnEndAfterTheEvaluationDate() {
        PatientRecordBuilder record = patient()
                .methotrexate(START, METHOTREXATE_STOP, StopReason.INEFFICACY)
                .agent(Drug.AZATHIOPRINE, METHOTREXATE_STOP, LATEST.plusDays(1), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());
        assertThat(failure(record)).isEmpty();
    }

    @Test
    void shouldFlagAnyThirdLineAgentThatFailedAfterAnAdequateTrial() {
        PatientRecordBuilder record = patient()
                .agent(Drug.TOFACITINIB, START, START.plusWeeks(20), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());

        Flag flag = failure(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusWeeks(20));
        assertThat(flag.message()).startsWith("A third-line agent failed after an adequate trial (tofacitinib 100 mg daily from").endsWith(WorkUp.SENTENCE);
    }

    @Test
    void shouldNotCountIvigAsAThirdLineAgent() {
        PatientRecordBuilder record = patient()
                .agent(Drug.IVIG, START, START.plusWeeks(20), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());
        assertThat(failure(record)).isEmpty();
    }

    @Test
    void shouldCountRituximabInfusionsTwelveWeeksApartAsAnAdequateTrial() {
        LocalDate retreatment = START.plusWeeks(26);
        PatientRecordBuilder record = patient()
                .infusion(Drug.RITUXIMAB, START, null)
                .infusion(Drug.RITUXIMAB, START.plusWeeks(2), null)
                .infusion(Drug.RITUXIMAB, retreatment, StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());

        Flag flag = failure(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(retreatment);
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1003L);
    }

    @Test
    void shouldNotCountTwoRituximabInfusionsTwoWeeksApartStoppedForInefficacy() {
        PatientRecordBuilder record = patient()
                .infusion(Drug.RITUXIMAB, START, null)
                .infusion(Drug.RITUXIMAB, START.plusWeeks(2), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());
        assertThat(failure(record)).isEmpty();
    }

    @Test
    void shouldFlagRituximabEndedForInefficacyTwelveWeeksAfterTheFirstInfusion() {
        PatientRecordBuilder record = patient()
                .infusion(Drug.RITUXIMAB, START, null)
                .therapy(Drug.RITUXIMAB, 1, DoseUnit.G, Frequency.ONCE, Route.IV, START.plusWeeks(2), START.plusWeeks(12), StopReason.INEFFICACY)
                .visit(START, Values.active()).visit(LATEST, Values.active());
        assertThat(failure(record).orElseThrow().since()).isEqualTo(START.plusWeeks(12));
    }
}
