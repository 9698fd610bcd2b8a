package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.visit.EnzymeTest;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTestTest {

    private static final RuleConfig DEFAULTS = RuleConfig.defaults();

    /** Weak, with physician global and HAQ abnormal and nothing else. */
    private static Values weakWithTwoAbnormal() {
        return new Values().mmt8(110, 150).physicianGlobal(2.0).patientGlobal(1.9).extramuscular(1.9).haq(0.25).ck(300);
    }

    @ParameterizedTest(name = "MMT-8 {0}/{1}: active {2}")
    @CsvSource({"125, 150, true", "126, 150, false", "66, 80, true", "67, 80, false"})
    void shouldCallMmt8AtMostFiveSixthsOfTheMaximumWeak(int mmt8, int max, boolean active) {
        assertThat(ActivityTest.isActive(weakWithTwoAbnormal().mmt8(mmt8, max).build(), DEFAULTS)).isEqualTo(active);
    }

    @Test
    void shouldRequireTwoOtherAbnormalMeasures() {
        assertThat(ActivityTest.isActive(weakWithTwoAbnormal().build(), DEFAULTS)).isTrue();
        assertThat(ActivityTest.isActive(weakWithTwoAbnormal().haq(0.125).build(), DEFAULTS)).isFalse();
        assertThat(ActivityTest.isActive(weakWithTwoAbnormal().physicianGlobal(1.9).build(), DEFAULTS)).isFalse();
    }

    @Test
    void shouldCountEnzymesAboveOneAndAHalfTimesTheUpperLimitOnceTogether() {
        Values enzymesOnly = weakWithTwoAbnormal().physicianGlobal(1.0).haq(0.0).ck(301)
                .enzyme(EnzymeTest.ALDOLASE, 20, 7.6);
        assertThat(ActivityTest.abnormalOtherMeasures(enzymesOnly.build(), DEFAULTS)).isEqualTo(1);
        assertThat(ActivityTest.abnormalOtherMeasures(weakWithTwoAbnormal().physicianGlobal(1.0).haq(0.0).ck(300).build(),
                DEFAULTS)).isZero();
    }

    @Test
    void shouldNeverCallAVisitWithoutMmt8Active() {
        Values noStrength = Values.active().mmt8(null, null).cmas(10);
        assertThat(ActivityTest.isActive(noStrength.build(), DEFAULTS)).isFalse();
    }

    @Test
    void shouldDescribeTheValuesThatMakeAVisitActive() {
        assertThat(ActivityTest.describeActivity(Values.active().build(), DEFAULTS))
                .isEqualTo("MMT-8 100/150, PGA 4.5 cm, PtGA 5 cm, CK 3.1 × ULN, HAQ 1");
    }
}
