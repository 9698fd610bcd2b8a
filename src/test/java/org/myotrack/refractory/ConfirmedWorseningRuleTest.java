package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.myotrack.refractory.PatientRecordBuilder.Values;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class ConfirmedWorseningRuleTest {

    private static Optional<Flag> worsening(PatientRecordBuilder builder) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == FlagCode.CONFIRMED_WORSENING).findFirst();
    }

    /** Physician global 2.5 cm higher and MMT-8 a fifth lower than the quiet visit: the first IMACS route. */
    private static Values worse() {
        return Values.quiet().physicianGlobal(3.0).mmt8(116);
    }

    @Test
    void shouldFlagWorseningAtTwoConsecutiveVisitsAgainstTheVisitBeforeThem() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet())
                .visit(START.plusMonths(3), worse())
                .visit(START.plusMonths(6), worse().physicianGlobal(3.5))
                .visit(START.plusMonths(9), Values.quiet());

        Flag flag = worsening(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusMonths(6));
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1L, 2L, 3L);
        assertThat(flag.evidence().get(1).detail()).isEqualTo("Worse, 2020-04-06: PGA 0.5 → 3 cm, MMT-8 145 → 116/150");
        assertThat(flag.message()).isEqualTo("Worse than at the baseline visit of 2020-01-06 at two consecutive visits (2020-04-06: PGA 0.5 → 3 cm,"
                + " MMT-8 145 → 116/150; 2020-07-06: PGA 0.5 → 3.5 cm, MMT-8 145 → 116/150): look for the cause of the"
                + " flare and review the treatment.");
        assertThat(flag.reference()).isEqualTo("Oddis et al., Arthritis Rheum 2005 (IMACS definition of worsening), as applied in ProDERM");
    }

    /** R2a: a slow decline, each visit a little worse than the one before, is worse than the baseline at two visits. */
    @Test
    void shouldFlagASlowDeclineAgainstTheBaselineAtTwoConsecutiveVisits() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet().extramuscular(1))
                .visit(START.plusMonths(3), Values.quiet().extramuscular(2))
                .visit(START.plusMonths(6), Values.quiet().extramuscular(3))
                .visit(START.plusMonths(9), Values.quiet().extramuscular(3.5));

        Flag flag = worsening(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusMonths(9));
        assertThat(flag.message()).startsWith("Worse than at the baseline visit of 2020-01-06 at two consecutive visits"
                + " (2020-07-06: extramuscular 1 → 3 cm; 2020-10-06: extramuscular 1 → 3.5 cm)");
        assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1L, 3L, 4L);
    }

    /** R2a: worse than the baseline at one visit only is not confirmed. */
    @Test
    void shouldNotFlagADeclineFromBaselineMetAtOneVisitOnly() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet().extramuscular(1))
                .visit(START.plusMonths(3), Values.quiet().extramuscular(2))
                .visit(START.plusMonths(6), Values.quiet().extramuscular(3))
                .visit(START.plusMonths(9), Values.quiet().extramuscular(2.5));

        assertThat(worsening(record)).isEmpty();
    }

    /** R2a, v1 route kept: a relapse after improvement is judged against the visit before the relapse. */
    @Test
    void shouldFlagARelapseAfterImprovementAgainstTheVisitBeforeIt() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.active().extramuscular(6))
                .visit(START.plusMonths(3), Values.quiet().extramuscular(0.5))
                .visit(START.plusMonths(6), Values.quiet().extramuscular(3))
                .visit(START.plusMonths(9), Values.quiet().extramuscular(2.8));

        Flag flag = worsening(record).orElseThrow();
        assertThat(flag.since()).isEqualTo(START.plusMonths(9));
        assertThat(flag.message()).startsWith("Worse than on 2020-04-06 at two consecutive visits");
    }

    /** R2b: small noise from 0 in remission is not worsening (0 → 0.3 cm raised CONFIRMED_WORSENING under version 1). */
    @Test
    void shouldNotFlagSmallNoiseInRemission() {
        Values remission = Values.quiet().physicianGlobal(0).patientGlobal(0).extramuscular(0).haq(0.0);
        PatientRecordBuilder record = patient()
                .visit(START, remission)
                .visit(START.plusMonths(3), remission.extramuscular(0.3).patientGlobal(0.5).haq(0.125))
                .visit(START.plusMonths(6), remission.extramuscular(0.3).patientGlobal(0.9).haq(0.125));

        assertThat(record.evaluate().flags()).isEmpty();
    }

    @Test
    void shouldNotFlagWorseningAtOneVisitOnly() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet())
                .visit(START.plusMonths(3), worse())
                .visit(START.plusMonths(6), Values.quiet())
                .visit(START.plusMonths(9), worse());
        assertThat(worsening(record)).isEmpty();
    }

    @Test
    void shouldJudgeTheSecondVisitAgainstTheVisitBeforeThePairNotAgainstItsPredecessor() {
        Flag flag = worsening(extramuscularAfterRise(3.0)).orElseThrow();

        assertThat(flag.evidence().get(2).detail()).isEqualTo("Worse again, 2020-07-06: extramuscular 1 → 3 cm");
        assertThat(worsening(extramuscularAfterRise(2.9))).isEmpty();
    }

    /** Extramuscular global 1, then 3.5 cm (worse by 2.5), then {@code third}: better than its predecessor. */
    private static PatientRecordBuilder extramuscularAfterRise(double third) {
        return patient()
                .visit(START, Values.quiet().extramuscular(1))
                .visit(START.plusMonths(3), Values.quiet().extramuscular(3.5))
                .visit(START.plusMonths(6), Values.quiet().extramuscular(third));
    }

    @Test
    void shouldKeepTheFirstConfirmedWorseningAsSince() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet())
                .visit(START.plusMonths(3), worse())
                .visit(START.plusMonths(6), worse())
                .visit(START.plusMonths(9), Values.quiet())
                .visit(START.plusMonths(12), worse())
                .visit(START.plusMonths(15), worse());

        assertThat(worsening(record).orElseThrow().since()).isEqualTo(START.plusMonths(6));
    }

    @Test
    void shouldNotMakeThePatientRefractory() {
        PatientRecordBuilder record = patient()
                .visit(START, Values.quiet()).visit(START.plusMonths(3), worse()).visit(START.plusMonths(6), worse());

        Evaluation evaluation = record.evaluate();
        assertThat(evaluation.flags()).extracting(Flag::code).contains(FlagCode.CONFIRMED_WORSENING);
        assertThat(evaluation.refractory()).isFalse();
    }
}
