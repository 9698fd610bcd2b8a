package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.scoring.CoreSetBuilder.completeVisit;
import static org.myotrack.scoring.CoreSetBuilder.coreSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.visit.EnzymeTest;

class WorseningTest {

    /** R2b defaults (registry rule): 1.0 cm and 0.25 HAQ. */
    static final RiseFromZero RISE = new RiseFromZero(1.0, 0.25);

    private static WorseningResult assess(CoreSetMeasures previous, CoreSetMeasures current) {
        return Worsening.assess(previous, current, RISE);
    }

    @Test
    void shouldMeetWorseningByPhysicianGlobalAndStrength() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).mmt8(100, 150).build(),
                completeVisit().physicianGlobal(5).mmt8(80, 150).build());

        assertThat(result.met()).isTrue();
        assertThat(result.routes()).containsExactly(WorseningRoute.GLOBAL_AND_STRENGTH);
    }

    @Test
    void shouldMeetWorseningByPhysicianGlobalOfExactlyTwoCentimetres() {
        // 4.3 − 2.3 in binary is 1.9999999999999996
        WorseningResult result = assess(
                completeVisit().physicianGlobal(2.3).mmt8(100, 150).build(),
                completeVisit().physicianGlobal(4.3).mmt8(75, 150).build());

        assertThat(result.routes()).contains(WorseningRoute.GLOBAL_AND_STRENGTH);
    }

    @Test
    void shouldNotMeetWorseningWhenPhysicianGlobalRoseOnlyOnePointNineCentimetres() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).mmt8(100, 150).build(),
                completeVisit().physicianGlobal(4.9).mmt8(75, 150).build());

        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldNotMeetWorseningWhenStrengthFellOnlyNineteenPercent() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).mmt8(100, 150).build(),
                completeVisit().physicianGlobal(5).mmt8(81, 150).build());

        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldMeetWorseningByPhysicianGlobalAndCmas() {
        WorseningResult result = assess(
                completeVisit().withoutMmt8().cmas(40).physicianGlobal(3).build(),
                completeVisit().withoutMmt8().cmas(32).physicianGlobal(5).build());

        assertThat(result.routes()).containsExactly(WorseningRoute.GLOBAL_AND_STRENGTH);
    }

    @Test
    void shouldNotMeetStrengthRouteWhenMmt8IsOnDifferentScalesWithoutCmas() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).mmt8(70, 80).build(),
                completeVisit().physicianGlobal(5).mmt8(60, 150).build());

        assertThat(result.met()).isFalse();
    }

    @ParameterizedTest(name = "extramuscular {0} → {1}: worsening {2}")
    @CsvSource({
        "1, 3, true",
        "0.3, 2.3, true",
        "1, 2.9, false",
        "3, 1, false",
    })
    void shouldMeetWorseningByExtramuscularGlobalFromTwoCentimetres(double previous, double current, boolean met) {
        WorseningResult result = assess(
                completeVisit().extramuscular(previous).build(), completeVisit().extramuscular(current).build());

        assertThat(result.met()).isEqualTo(met);
        assertThat(result.routes().contains(WorseningRoute.EXTRAMUSCULAR)).isEqualTo(met);
    }

    @Test
    void shouldMeetWorseningByThreeMeasuresWorseByThirtyPercent() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).patientGlobal(7).haq(1).build(),
                completeVisit().physicianGlobal(3.9).patientGlobal(9.1).haq(1.3).build());

        assertThat(result.routes()).containsExactly(WorseningRoute.THREE_MEASURES);
        assertThat(result.measuresWorseByThirtyPercent()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                ScoreComponent.PHYSICAL_FUNCTION);
    }

    @Test
    void shouldCountStrengthAmongTheThreeMeasures() {
        WorseningResult result = assess(
                completeVisit().mmt8(100, 150).patientGlobal(4).haq(1).build(),
                completeVisit().mmt8(70, 150).patientGlobal(5.2).haq(1.5).build());

        assertThat(result.routes()).containsExactly(WorseningRoute.THREE_MEASURES);
        assertThat(result.measuresWorseByThirtyPercent()).contains(ScoreComponent.MUSCLE_STRENGTH);
    }

    @Test
    void shouldNotMeetWorseningWhenOnlyTwoMeasuresAreThirtyPercentWorse() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).patientGlobal(4).haq(1).build(),
                completeVisit().physicianGlobal(3.87).patientGlobal(5.2).haq(1.3).build());

        assertThat(result.measuresWorseByThirtyPercent()).hasSize(2);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldNotMeetWorseningWhenThreeMeasuresAreTwentyNinePercentWorse() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).patientGlobal(4).haq(1).build(),
                completeVisit().physicianGlobal(3.87).patientGlobal(5.16).haq(1.29).build());

        assertThat(result.measuresWorseByThirtyPercent()).isEmpty();
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldNotCountEnzymesAmongTheFiveMeasures() {
        WorseningResult result = assess(
                completeVisit().patientGlobal(4).haq(1).withoutEnzymes().enzyme(EnzymeTest.CK, 400, 200).build(),
                completeVisit().patientGlobal(5.2).haq(1.3).withoutEnzymes().enzyme(EnzymeTest.CK, 2000, 200).build());

        assertThat(result.measuresWorseByThirtyPercent()).hasSize(2);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldCountRisesFromZeroOfAtLeastOneCentimetreAndAQuarterHaqPoint() {
        WorseningResult result = assess(
                completeVisit().patientGlobal(0).haq(0).extramuscular(0).build(),
                completeVisit().patientGlobal(1).haq(0.25).extramuscular(1).build());

        assertThat(result.routes()).containsExactly(WorseningRoute.THREE_MEASURES);
        assertThat(result.measuresWorseByThirtyPercent()).containsExactlyInAnyOrder(ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                ScoreComponent.PHYSICAL_FUNCTION, ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
    }

    /** R2b: from a baseline of 0 a VAS counts as worse from a rise of 1.0 cm, the HAQ from 0.25 (registry rule). */
    @ParameterizedTest(name = "{0} from 0 to {1}: worse {2}")
    @CsvSource({
        "patientGlobal, 0.9, false",
        "patientGlobal, 1.0, true",
        "extramuscular, 0.9, false",
        "extramuscular, 1.0, true",
        "physicianGlobal, 0.9, false",
        "physicianGlobal, 1.0, true",
        "haq, 0.125, false",
        "haq, 0.25, true",
    })
    void shouldCountARiseFromZeroOnlyFromTheRegistryRuleAmount(String measure, double rise, boolean worse) {
        CoreSetBuilder before = completeVisit().physicianGlobal(3).patientGlobal(3).haq(1).extramuscular(3);
        CoreSetBuilder after = completeVisit().physicianGlobal(3).patientGlobal(3).haq(1).extramuscular(3);
        switch (measure) {
            case "patientGlobal" -> { before.patientGlobal(0); after.patientGlobal(rise); }
            case "extramuscular" -> { before.extramuscular(0); after.extramuscular(rise); }
            case "physicianGlobal" -> { before.physicianGlobal(0); after.physicianGlobal(rise); }
            default -> { before.haq(0); after.haq(rise); }
        }

        WorseningResult result = assess(before.build(), after.build());

        assertThat(result.measuresWorseByThirtyPercent()).hasSize(worse ? 1 : 0);
    }

    @Test
    void shouldNotCallSmallNoiseInRemissionWorsening() {
        // The trajectory issue 20 found: 0 → 0.3 cm and HAQ 0 → 0.125 in remission were "infinitely" worse.
        WorseningResult result = assess(
                completeVisit().physicianGlobal(0).patientGlobal(0).haq(0).extramuscular(0).build(),
                completeVisit().physicianGlobal(0.5).patientGlobal(0.8).haq(0.125).extramuscular(0.3).build());

        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldReportEveryRouteThatFired() {
        WorseningResult result = assess(
                completeVisit().physicianGlobal(3).mmt8(100, 150).extramuscular(2).build(),
                completeVisit().physicianGlobal(5).mmt8(60, 150).extramuscular(4).build());

        assertThat(result.routes()).containsExactly(
                WorseningRoute.GLOBAL_AND_STRENGTH, WorseningRoute.EXTRAMUSCULAR, WorseningRoute.THREE_MEASURES);
    }

    @Test
    void shouldJudgeTheMeasuresPresentWhenOthersAreMissing() {
        WorseningResult result = assess(
                coreSet().extramuscular(1).build(), coreSet().physicianGlobal(9).extramuscular(3).build());

        assertThat(result.routes()).containsExactly(WorseningRoute.EXTRAMUSCULAR);
    }

    @Test
    void shouldNotMeetWorseningForStableVisits() {
        WorseningResult result = assess(completeVisit().build(), completeVisit().build());

        assertThat(result.met()).isFalse();
        assertThat(result.routes()).isEmpty();
    }
}
