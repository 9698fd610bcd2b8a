package org.myotrack.refractory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.PatientRecordBuilder.Values;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.myotrack.refractory.PatientRecordBuilder.START;
import static org.myotrack.refractory.PatientRecordBuilder.patient;

class WorkUpPromptsTest {

    private static final LocalDate LATEST = START.plusYears(2);
    private static final LocalDate THREE_MONTHS_BEFORE = LATEST.minusMonths(3);

    private static Optional<Flag> flag(PatientRecordBuilder builder, FlagCode code) {
        return builder.evaluate().flags().stream().filter(f -> f.code() == code).findFirst();
    }

    /** Quiet but weak: MMT-8 {@code mmt8}/150, CK within normal. */
    private static Values weak(int mmt8) {
        return Values.quiet().mmt8(mmt8).ck(150);
    }

    /** A refractory patient: prednisone 10 mg/day for two years. */
    private static PatientRecordBuilder steroidDependent() {
        return patient().prednisone(10, START, null);
    }

    @Nested
    class WeaknessWithoutActivity {

        private Optional<Flag> weakness(PatientRecordBuilder builder) {
            return flag(builder, FlagCode.WEAKNESS_WITHOUT_ACTIVITY);
        }

        @Test
        void shouldPromptWhenStrengthHasNotRecoveredOverThreeMonthsWithNormalEnzymes() {
            PatientRecordBuilder record = patient()
                    .visit(START, Values.active())
                    .visit(THREE_MONTHS_BEFORE, weak(120))
                    .visit(LATEST, weak(118));

            Flag flag = weakness(record).orElseThrow();
            assertThat(flag.since()).isEqualTo(LATEST);
            assertThat(flag.message()).isEqualTo("MMT-8 118/150 on 2022-01-06 is no better than MMT-8 120/150 on"
                    + " 2021-10-06 while the enzymes stayed normal and no MRI showed oedema: the weakness may be damage"
                    + " or another disease; consider an MRI and a repeat biopsy.");
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(2L, 3L);
            assertThat(flag.reference()).isEqualTo("Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762");
        }

        @Test
        void shouldNotUseAReferenceVisitEightyNineDaysBefore() {
            PatientRecordBuilder record = patient()
                    .visit(LATEST.minusDays(89), weak(120))
                    .visit(LATEST, weak(118));
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldUseTheLatestVisitAtLeastThreeMonthsBefore() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE.minusMonths(3), weak(110))
                    .visit(THREE_MONTHS_BEFORE, weak(120))
                    .visit(LATEST.minusDays(89), weak(119))
                    .visit(LATEST, weak(120));

            Flag flag = weakness(record).orElseThrow();
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(2L, 3L, 4L);
        }

        @Test
        void shouldNotPromptWhenStrongerThanThreeMonthsBefore() {
            PatientRecordBuilder record = patient().visit(THREE_MONTHS_BEFORE, weak(120)).visit(LATEST, weak(121));
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldCountCkExactlyAtTheUpperLimitAsNormal() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120).ck(PatientRecordBuilder.CK_ULN))
                    .visit(LATEST, weak(120).ck(PatientRecordBuilder.CK_ULN));
            assertThat(weakness(record)).isPresent();
        }

        @Test
        void shouldNotPromptWhenAnyEnzymeInTheSpanIsAboveItsUpperLimit() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120).enzyme(EnzymeTest.ALDOLASE, 8.0, 7.6))
                    .visit(LATEST, weak(118));
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldNotPromptWithoutAnyEnzymeMeasuredInTheSpan() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120).withoutEnzymes())
                    .visit(LATEST, weak(118).withoutEnzymes());
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldNotPromptAPatientAtFullStrength() {
            PatientRecordBuilder record = patient().visit(THREE_MONTHS_BEFORE, weak(150)).visit(LATEST, weak(150));
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldNotPromptWhenAnMriInTheSpanShowsOedema() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120)).visit(LATEST, weak(118))
                    .investigation(InvestigationType.MRI, LATEST.minusMonths(1), Finding.MUSCLE_EDEMA);
            assertThat(weakness(record)).isEmpty();
        }

        @Test
        void shouldIgnoreOedemaOnAnMriBeforeTheSpan() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120)).visit(LATEST, weak(118))
                    .investigation(InvestigationType.MRI, THREE_MONTHS_BEFORE.minusDays(1), Finding.MUSCLE_EDEMA);
            assertThat(weakness(record)).isPresent();
        }

        @ParameterizedTest(name = "20 mg/day for {0} days named: {1}")
        @CsvSource({"28, true", "27, false"})
        void shouldNameGlucocorticoidMyopathyAfterFourWeeksAtTwentyMilligrams(int days, boolean named) {
            LocalDate highDose = THREE_MONTHS_BEFORE.plusDays(10);
            PatientRecordBuilder record = patient()
                    .prednisone(5, START, highDose.minusDays(1))
                    .prednisone(20, highDose, highDose.plusDays(days - 1L))
                    .prednisone(5, highDose.plusDays(days), null)
                    .visit(THREE_MONTHS_BEFORE, weak(120)).visit(LATEST, weak(118));

            assertThat(weakness(record).orElseThrow().message().contains("glucocorticoid myopathy")).isEqualTo(named);
        }
    }

    @Nested
    class EnzymesWithoutWeakness {

        private Optional<Flag> enzymes(PatientRecordBuilder builder) {
            return flag(builder, FlagCode.ENZYMES_WITHOUT_WEAKNESS);
        }

        private PatientRecordBuilder ckHighWhileStronger(double latestCk, int latestMmt8) {
            return patient()
                    .visit(START, Values.active().mmt8(100))
                    .visit(LATEST.minusMonths(4), Values.quiet().mmt8(108).ck(500))
                    .visit(LATEST, Values.quiet().mmt8(latestMmt8).ck(latestCk));
        }

        @Test
        void shouldPromptWhenCkStaysHighWhileStrengthRoseTenPercent() {
            Flag flag = enzymes(ckHighWhileStronger(400, 110)).orElseThrow();

            assertThat(flag.since()).isEqualTo(LATEST);
            assertThat(flag.message()).isEqualTo("CK above normal at the latest two visits (CK 2.5 × ULN on 2021-09-06,"
                    + " CK 2.0 × ULN on 2022-01-06) while MMT-8 rose from 100 to 110/150: treat the patient, not the"
                    + " number; an MRI tells whether inflammation persists.");
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(1L, 2L, 3L);
        }

        @Test
        void shouldNotCountCkExactlyAtTheUpperLimitAsAboveIt() {
            assertThat(enzymes(ckHighWhileStronger(PatientRecordBuilder.CK_ULN, 110))).isEmpty();
        }

        @Test
        void shouldNotPromptWhenStrengthRoseLessThanTenPercent() {
            assertThat(enzymes(ckHighWhileStronger(400, 109))).isEmpty();
        }

        @Test
        void shouldNotPromptWhenCkWasHighAtTheLatestVisitOnly() {
            PatientRecordBuilder record = patient()
                    .visit(START, Values.active().mmt8(100))
                    .visit(LATEST.minusMonths(4), Values.quiet().mmt8(120).ck(150))
                    .visit(LATEST, Values.quiet().mmt8(120).ck(400));
            assertThat(enzymes(record)).isEmpty();
        }
    }

    @Nested
    class ReevaluateDiagnosis {

        private Optional<Flag> reevaluate(PatientRecordBuilder builder) {
            return flag(builder, FlagCode.REEVALUATE_DIAGNOSIS);
        }

        @Test
        void shouldPromptARefractoryPatientWhoseBiopsyShowsNoInflammation() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(8), Finding.NO_INFLAMMATION,
                            Finding.NONSPECIFIC_MYOPATHIC);

            Flag flag = reevaluate(record).orElseThrow();
            assertThat(flag.since()).isEqualTo(LATEST);
            assertThat(flag.message()).isEqualTo("Refractory, and the latest biopsy (2020-09-06) shows no inflammation:"
                    + " consider muscular dystrophy or a metabolic or drug-induced myopathy; repeat the biopsy and"
                    + " consider genetic testing.");
            assertThat(flag.evidence()).extracting(Evidence::kind, Evidence::id)
                    .containsExactly(tuple("investigation", 2001L));
        }

        @Test
        void shouldRequireTheReevaluatedPatientToBeRefractory() {
            PatientRecordBuilder record = patient()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(8), Finding.NO_INFLAMMATION);
            assertThat(reevaluate(record)).isEmpty();
        }

        @Test
        void shouldNotPromptWhenTheLatestBiopsyShowsInflammation() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(2), Finding.NO_INFLAMMATION)
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(8), Finding.INFLAMMATORY_INFILTRATES,
                            Finding.NONSPECIFIC_MYOPATHIC);
            assertThat(reevaluate(record)).isEmpty();
        }

        @Test
        void shouldPromptWhenTheLatestMriShowsDamageWithoutOedema() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.MRI, START.plusMonths(8), Finding.FATTY_REPLACEMENT, Finding.ATROPHY);
            assertThat(reevaluate(record).orElseThrow().message()).contains("the latest MRI (2020-09-06) shows damage without oedema");
        }

        @Test
        void shouldNotPromptWhenTheLatestMriAlsoShowsOedema() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.MRI, START.plusMonths(8), Finding.ATROPHY, Finding.MUSCLE_EDEMA);
            assertThat(reevaluate(record)).isEmpty();
        }
    }

    @Nested
    class ConsiderIbm {

        private Optional<Flag> ibm(PatientRecordBuilder builder) {
            return flag(builder, FlagCode.CONSIDER_IBM);
        }

        private PatientRecordBuilder refractory(Diagnosis diagnosis, int onsetAge) {
            return steroidDependent().diagnosis(diagnosis).onsetAge(onsetAge)
                    .visit(START, Values.active()).visit(LATEST, Values.active());
        }

        @ParameterizedTest(name = "onset at {0}: prompted {1}")
        @CsvSource({"45, true", "44, false"})
        void shouldPromptRefractoryPolymyositisWithOnsetFromFortyFive(int onsetAge, boolean prompted) {
            assertThat(ibm(refractory(Diagnosis.PM, onsetAge)).isPresent()).isEqualTo(prompted);
        }

        @Test
        void shouldNameTheReasonsAndTheRefractoryFlags() {
            Flag flag = ibm(refractory(Diagnosis.PM, 52)).orElseThrow();

            assertThat(flag.since()).isEqualTo(LATEST);
            assertThat(flag.message()).startsWith("Consider inclusion body myositis (refractory PM with onset at 52):");
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(2L);
            assertThat(flag.evidence().get(0).detail()).contains("GLUCOCORTICOID_DEPENDENCE since 2020-07-06");
            assertThat(flag.reference()).isEqualTo("Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762;"
                    + " Coyle, Plotz and Gourley, The Rheumatologist 2008");
        }

        @Test
        void shouldNotPromptPolymyositisThatIsNotRefractory() {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).onsetAge(60)
                    .visit(START, Values.active()).visit(LATEST, Values.active());
            assertThat(ibm(record)).isEmpty();
        }

        @ParameterizedTest(name = "HMGCR {0}: prompted {1}")
        @CsvSource({"POSITIVE, false", "NEGATIVE, true"})
        void shouldPromptRefractoryNecrotisingMyopathyOnlyWithoutSrpOrHmgcr(AntibodyResult hmgcr, boolean prompted) {
            PatientRecordBuilder record = refractory(Diagnosis.IMNM, 60).antibody(Antibody.HMGCR, hmgcr)
                    .antibody(Antibody.SRP, AntibodyResult.NEGATIVE);
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @Test
        void shouldNotPromptRefractoryDermatomyositisOfLateOnset() {
            assertThat(ibm(refractory(Diagnosis.DM, 70))).isEmpty();
        }

        @Test
        void shouldPromptAnyDiagnosisButIbmWithRimmedVacuolesOnBiopsy() {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.DM).onsetAge(30)
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(3), Finding.RIMMED_VACUOLES,
                            Finding.INFLAMMATORY_INFILTRATES);

            Flag flag = ibm(record).orElseThrow();
            assertThat(flag.message()).contains("rimmed vacuoles on the biopsy of 2020-04-06");
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(2001L);
            assertThat(ibm(patient().diagnosis(Diagnosis.IBM).onsetAge(60)
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(3), Finding.RIMMED_VACUOLES))).isEmpty();
        }
    }
}
