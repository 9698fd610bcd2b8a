package org.myotrack.refractory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.visit.EnzymeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

/** R1 of clinical-v2.md: active disease by the adult, dermatomyositis, skin and juvenile routes, each edge both sides. */
class ActivityTestTest {

    private static final RuleConfig DEFAULTS = RuleConfig.defaults();

    /** Physician global and HAQ abnormal and nothing else. */
    private static Values twoAbnormal() {
        return new Values().mmt8(110, 150).physicianGlobal(2.0).patientGlobal(1.9).extramuscular(1.9).haq(0.25).ck(300);
    }

    private static boolean active(PatientRecordBuilder patient, Values values) {
        PatientRecord record = patient.visit(START, values).build();
        return ActivityTest.isActive(record.visits().get(0), record, DEFAULTS);
    }

    private static ActivityTest.Route route(PatientRecordBuilder patient, Values values) {
        PatientRecord record = patient.visit(START, values).build();
        return ActivityTest.route(record.visits().get(0), record, DEFAULTS).orElse(null);
    }

    @ParameterizedTest(name = "R1a adult PM, MMT-8 {0}/{1}: active {2}")
    @CsvSource({"125, 150, true", "126, 150, false", "66, 80, true", "67, 80, false"})
    void shouldCallAnAdultActiveByRimAtMostFiveSixthsOfTheMaximum(int mmt8, int max, boolean active) {
        assertThat(active(patient().diagnosis(Diagnosis.PM), twoAbnormal().mmt8(mmt8, max))).isEqualTo(active);
    }

    @ParameterizedTest(name = "R1a' DM, MMT-8 {0}/{1}: active {2}")
    @CsvSource({"141, 150, true", "142, 150, false", "75, 80, true", "76, 80, false", "126, 150, true"})
    void shouldCallADermatomyositisActiveByProdermBelow142(int mmt8, int max, boolean active) {
        assertThat(active(patient().diagnosis(Diagnosis.DM), twoAbnormal().mmt8(mmt8, max))).isEqualTo(active);
        if (active && mmt8 * 150 / max > 125) {
            assertThat(route(patient().diagnosis(Diagnosis.DM), twoAbnormal().mmt8(mmt8, max)))
                    .isEqualTo(ActivityTest.Route.DM_PRODERM);
        }
    }

    @Test
    void shouldNotApplyTheProdermCutOffToPolymyositis() {
        assertThat(active(patient().diagnosis(Diagnosis.PM), twoAbnormal().mmt8(141, 150))).isFalse();
    }

    @Test
    void shouldRequireTwoAbnormalCoreSetMeasuresInAdults() {
        assertThat(active(patient(), twoAbnormal())).isTrue();
        assertThat(active(patient(), twoAbnormal().haq(0.125))).isFalse();
        assertThat(active(patient(), twoAbnormal().physicianGlobal(1.9))).isFalse();
    }

    @Test
    void shouldCountMuscleEnzymesAboveOneAndAHalfTimesTheUpperLimitOnceTogether() {
        Values enzymesOnly = twoAbnormal().physicianGlobal(1.0).haq(0.0).ck(301).enzyme(EnzymeTest.ALDOLASE, 20, 7.6);
        assertThat(ActivityTest.abnormalMeasures(enzymesOnly.build(), DEFAULTS)).isEqualTo(1);
        assertThat(ActivityTest.abnormalMeasures(twoAbnormal().physicianGlobal(1.0).haq(0.0).ck(300).build(), DEFAULTS))
                .isZero();
    }

    /** R1c, R4: methotrexate raises AST and ALT; they never count as muscle activity. */
    @Test
    void shouldNeverCountAstOrAltAsAbnormal() {
        Values liver = twoAbnormal().haq(0.0).ck(150).enzyme(EnzymeTest.AST, 200, 40).enzyme(EnzymeTest.ALT, 300, 40);
        assertThat(ActivityTest.abnormalMeasures(liver.build(), DEFAULTS)).isEqualTo(1);
        assertThat(active(patient().diagnosis(Diagnosis.PM), liver)).isFalse();
        assertThat(active(patient().diagnosis(Diagnosis.PM), liver.enzyme(EnzymeTest.LDH, 700, 250))).isTrue();
    }

    @ParameterizedTest(name = "R1b {0}, CDASI {1}, EMGA {2}: active {3}")
    @CsvSource({
        "DM, 15, 2.0, true",
        "DM, 14, 2.0, false",
        "DM, 15, 1.9, false",
        "CADM, 15, 2.0, true",
        "JDM, 30, 4.0, true",
        "PM, 40, 5.0, false",
        "ASYS, 40, 5.0, false",
    })
    void shouldCallSkinPredominantDermatomyositisActiveWithoutStrength(Diagnosis diagnosis, int cdasi, double emga,
                                                                       boolean active) {
        Values skin = new Values().cdasi(cdasi).extramuscular(emga).physicianGlobal(1).withoutEnzymes();
        assertThat(active(patient().diagnosis(diagnosis).juvenile(diagnosis == Diagnosis.JDM), skin)).isEqualTo(active);
    }

    @ParameterizedTest(name = "R1d juvenile, CMAS {0} with two abnormal: active {1}")
    @CsvSource({"47, true", "48, false"})
    void shouldCallACmasOnlyChildActiveWithWeaknessAndTwoAbnormal(int cmas, boolean active) {
        Values cmasOnly = new Values().cmas(cmas).physicianGlobal(3).patientGlobal(1).extramuscular(1).haq(0.5).ck(100);
        assertThat(active(patient().diagnosis(Diagnosis.JDM).juvenile(true), cmasOnly)).isEqualTo(active);
    }

    @Test
    void shouldCallAJuvenileActiveWithThreeAbnormalWhateverTheStrength() {
        Values strongButActive = new Values().cmas(52).physicianGlobal(3).patientGlobal(3).extramuscular(1).haq(0.5).ck(100);
        assertThat(active(patient().diagnosis(Diagnosis.JDM).juvenile(true), strongButActive)).isTrue();
        assertThat(active(patient().diagnosis(Diagnosis.JDM).juvenile(true), strongButActive.haq(0.125))).isFalse();
    }

    @ParameterizedTest(name = "weak: MMT-8 {0}/{1} → {2}")
    @CsvSource({"141, 150, true", "142, 150, false", "149, 150, false", "75, 80, true", "76, 80, false"})
    void shouldCallMmt8Below142Of150Weak(int mmt8, int max, boolean weak) {
        assertThat(ActivityTest.isWeak(new Values().mmt8(mmt8, max).build(), DEFAULTS)).isEqualTo(weak);
    }

    @ParameterizedTest(name = "weak without MMT-8: CMAS {0} → {1}")
    @CsvSource({"47, true", "48, false"})
    void shouldCallCmasBelow48WeakWithoutMmt8(int cmas, boolean weak) {
        assertThat(ActivityTest.isWeak(new Values().cmas(cmas).build(), DEFAULTS)).isEqualTo(weak);
        // MMT-8 decides when both are recorded.
        assertThat(ActivityTest.isWeak(new Values().cmas(cmas).mmt8(145, 150).build(), DEFAULTS)).isFalse();
    }

    @Test
    void shouldNotCallAVisitWithoutStrengthOrCdasiActiveInAnAdult() {
        PatientRecord record = patient().diagnosis(Diagnosis.PM).visit(START, new Values().physicianGlobal(5).patientGlobal(5).haq(2)).build();
        assertThat(ActivityTest.isActive(record.visits().get(0), record, DEFAULTS)).isFalse();
    }

    @Test
    void shouldDescribeTheRouteAndTheValuesThatMakeAVisitActive() {
        PatientRecord record = patient().diagnosis(Diagnosis.PM).visit(START, Values.active()).build();
        assertThat(ActivityTest.describeActivity(record.visits().get(0), record, DEFAULTS))
                .isEqualTo("RIM adult criteria: MMT-8 100/150, PGA 4.5 cm, PtGA 5 cm, CK 3.1 × ULN, HAQ 1");
    }
}
