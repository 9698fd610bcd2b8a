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
                    + " 2021-10-06 while CK and aldolase stayed normal and no MRI showed oedema: the weakness may be damage"
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

        /** R9a: the latest visit must be weak, MMT-8 below 142/150 (ProDERM); 149/150 was prompted under version 1. */
        @ParameterizedTest(name = "MMT-8 {0}/150 at both visits: prompted {1}")
        @CsvSource({"141, true", "142, false", "149, false"})
        void shouldPromptOnlyAWeakPatient(int mmt8, boolean prompted) {
            PatientRecordBuilder record = patient().visit(THREE_MONTHS_BEFORE, weak(mmt8)).visit(LATEST, weak(mmt8));
            assertThat(weakness(record).isPresent()).isEqualTo(prompted);
        }

        /** R4, R9a: AST and ALT raised by methotrexate hide no steroid myopathy; the evidence names the liver instead. */
        @Test
        void shouldIgnoreRaisedAstAndAltAndPointToHepatotoxicity() {
            PatientRecordBuilder record = patient()
                    .visit(THREE_MONTHS_BEFORE, weak(120).enzyme(EnzymeTest.ALT, 120, 40))
                    .visit(LATEST, weak(118).enzyme(EnzymeTest.AST, 90, 40).enzyme(EnzymeTest.LDH, 400, 250));

            Flag flag = weakness(record).orElseThrow();
            assertThat(flag.evidence()).filteredOn(e -> e.detail().contains("AST/ALT raised with normal CK:"
                    + " consider methotrexate hepatotoxicity")).hasSize(2);
        }

        @ParameterizedTest(name = "CMAS {0} → {1}, no MMT-8: prompted {2}")
        @CsvSource({"40, 40, true", "40, 41, false", "48, 48, false"})
        void shouldJudgeAChildOnCmasWithoutMmt8(int reference, int latest, boolean prompted) {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.JDM).juvenile(true)
                    .visit(THREE_MONTHS_BEFORE, weak(120).withoutMmt8().cmas(reference))
                    .visit(LATEST, weak(120).withoutMmt8().cmas(latest));
            assertThat(weakness(record).isPresent()).isEqualTo(prompted);
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
                    + " CK 2.0 × ULN on 2022-01-06) while MMT-8 rose from 100 to 110/150 since 2020-01-06: treat the"
                    + " patient, not the"
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

        /** R9b: a first MMT-8 above 136/150 could never gain 10 %; not being weak now is enough. */
        @ParameterizedTest(name = "MMT-8 140 → {0}/150: prompted {1}")
        @CsvSource({"142, true", "141, false"})
        void shouldPromptAPatientWhoIsNoLongerWeak(int latestMmt8, boolean prompted) {
            PatientRecordBuilder record = patient()
                    .visit(START, Values.quiet().mmt8(140).ck(500))
                    .visit(LATEST.minusMonths(4), Values.quiet().mmt8(141).ck(500))
                    .visit(LATEST, Values.quiet().mmt8(latestMmt8).ck(400));
            assertThat(enzymes(record).isPresent()).isEqualTo(prompted);
            if (prompted) {
                assertThat(enzymes(record).orElseThrow().message()).contains("the patient is not weak (MMT-8 142/150)");
            }
        }

        @ParameterizedTest(name = "CMAS {0}, no MMT-8: prompted {1}")
        @CsvSource({"48, true", "47, false"})
        void shouldJudgeAChildOnCmas(int cmas, boolean prompted) {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.JDM).juvenile(true)
                    .visit(START, Values.quiet().withoutMmt8().cmas(46).ck(500))
                    .visit(LATEST.minusMonths(4), Values.quiet().withoutMmt8().cmas(47).ck(500))
                    .visit(LATEST, Values.quiet().withoutMmt8().cmas(cmas).ck(400));
            assertThat(enzymes(record).isPresent()).isEqualTo(prompted);
        }

        @ParameterizedTest(name = "MMT-8 100 → {0}/150: prompted {1}")
        @CsvSource({"110, true", "109, false"})
        void shouldTakeAGainOfExactlyTenPercent(int latestMmt8, boolean prompted) {
            assertThat(enzymes(ckHighWhileStronger(400, latestMmt8)).isPresent()).isEqualTo(prompted);
        }

        /** A child at CMAS 0 who is still at 0 has gained nothing, whatever 0 × 110 % says. */
        @Test
        void shouldNotCallStrengthThatStayedAtZeroAGain() {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.JDM).juvenile(true)
                    .visit(START, Values.quiet().withoutMmt8().cmas(0).ck(500))
                    .visit(LATEST.minusMonths(4), Values.quiet().withoutMmt8().cmas(0).ck(500))
                    .visit(LATEST, Values.quiet().withoutMmt8().cmas(0).ck(400));
            assertThat(enzymes(record)).isEmpty();
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
                    + " consider muscular dystrophy, a neurogenic disorder, or a metabolic or drug-induced myopathy;"
                    + " review or repeat the biopsy and consider genetic testing.");
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
        void shouldPromptWhenTheLatestEmgIsNeurogenic() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.EMG, START.plusMonths(2), Finding.MYOPATHIC)
                    .investigation(InvestigationType.EMG, START.plusMonths(8), Finding.NEUROGENIC);
            Flag flag = reevaluate(record).orElseThrow();
            assertThat(flag.message()).contains("the latest EMG (2020-09-06) is neurogenic");
            assertThat(flag.evidence()).extracting(Evidence::id).containsExactly(2002L);
            assertThat(reevaluate(steroidDependent().visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.EMG, START.plusMonths(2), Finding.NEUROGENIC)
                    .investigation(InvestigationType.EMG, START.plusMonths(8), Finding.MYOPATHIC))).isEmpty();
        }

        /** R9c: a seronegative PM, IMNM or unclassified myositis that no biopsy supports. */
        @ParameterizedTest(name = "{0}: prompted {1}")
        @CsvSource({"PM, true", "IMNM, true", "UNCLASSIFIED, true", "DM, false", "ASYS, false"})
        void shouldPromptSeronegativeDiseaseWithoutSupportingPathology(Diagnosis diagnosis, boolean prompted) {
            PatientRecordBuilder record = steroidDependent().diagnosis(diagnosis)
                    .antibody(Antibody.SRP, AntibodyResult.NEGATIVE)
                    .visit(START, Values.active()).visit(LATEST, Values.active());
            assertThat(reevaluate(record).isPresent()).isEqualTo(prompted);
        }

        @Test
        void shouldNotCallDiseaseSeronegativeWithAPositiveMsaOrUnsupportedWithAnInflammatoryBiopsy() {
            assertThat(reevaluate(steroidDependent().diagnosis(Diagnosis.PM).antibody(Antibody.JO1, AntibodyResult.POSITIVE)
                    .visit(START, Values.active()).visit(LATEST, Values.active()))).isEmpty();
            // A positive myositis-associated antibody alone does not count.
            assertThat(reevaluate(steroidDependent().diagnosis(Diagnosis.PM).antibody(Antibody.RO52, AntibodyResult.POSITIVE)
                    .visit(START, Values.active()).visit(LATEST, Values.active()))).isPresent();
            assertThat(reevaluate(steroidDependent().diagnosis(Diagnosis.IMNM)
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.BIOPSY, START.plusMonths(1), Finding.NECROSIS))).isEmpty();
        }

        @Test
        void shouldNotPromptWhenTheLatestMriAlsoShowsOedema() {
            PatientRecordBuilder record = steroidDependent()
                    .visit(START, Values.active()).visit(LATEST, Values.active())
                    .investigation(InvestigationType.MRI, START.plusMonths(8), Finding.ATROPHY, Finding.MUSCLE_EDEMA);
            assertThat(reevaluate(record)).isEmpty();
        }
    }

    /** R7: ENMC 2011 mandatory features M1–M3 with at least one supporting feature S1–S4; rimmed vacuoles apart. */
    @Nested
    class ConsiderIbm {

        /** Latest visit two years after the first; onset three months before the first (PatientRecordBuilder.ONSET). */
        private Optional<Flag> ibm(PatientRecordBuilder builder) {
            return flag(builder, FlagCode.CONSIDER_IBM);
        }

        /** Polymyositis from 60, not refractory, with finger flexion weaker than shoulder abduction at the latest visit. */
        private PatientRecordBuilder fingerFlexorWeak() {
            return patient().diagnosis(Diagnosis.PM).onsetAge(60)
                    .visit(START, Values.quiet().mmt8(130).ck(400))
                    .visit(LATEST, Values.quiet().mmt8(128).ck(400).fingerFlexorWeakness(true));
        }

        /** Refractory (glucocorticoid-dependent) polymyositis from 60, with no supporting feature recorded. */
        private PatientRecordBuilder refractory(Diagnosis diagnosis) {
            return steroidDependent().diagnosis(diagnosis).onsetAge(60);
        }

        @Test
        void shouldNotPromptRefractoryPolymyositisOfLateOnsetWithoutASupportingFeature() {
            assertThat(ibm(refractory(Diagnosis.PM).visit(START, Values.active()).visit(LATEST, Values.active())))
                    .isEmpty();
        }

        @ParameterizedTest(name = "M1: onset {0} days after the 45th birthday: prompted {1}")
        @CsvSource({"0, false", "1, true"})
        void shouldRequireOnsetAfterTheFortyFifthBirthday(int daysAfter, boolean prompted) {
            PatientRecordBuilder record = fingerFlexorWeak()
                    .born(PatientRecordBuilder.ONSET.minusYears(45).minusDays(daysAfter));
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @ParameterizedTest(name = "M2: latest visit 12 months and {0} days after onset: prompted {1}")
        @CsvSource({"0, false", "1, true"})
        void shouldRequireMoreThanTwelveMonthsOfDisease(int extraDays, boolean prompted) {
            LocalDate onset = LATEST.minusMonths(12).minusDays(extraDays);
            PatientRecordBuilder record = fingerFlexorWeak().onset(onset).born(onset.minusYears(60));
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @ParameterizedTest(name = "M3: CK {0} U/L against 200: prompted {1}")
        @CsvSource({"3000, true", "3002, false"})
        void shouldRequireEveryCkAtMostFifteenTimesTheUpperLimit(double ck, boolean prompted) {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).onsetAge(60)
                    .visit(START, Values.quiet().mmt8(130).ck(ck))
                    .visit(LATEST, Values.quiet().mmt8(128).ck(400).fingerFlexorWeakness(true));
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @Test
        void shouldRequireAtLeastOneCk() {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.PM).onsetAge(60)
                    .visit(START, Values.quiet().mmt8(130).withoutEnzymes())
                    .visit(LATEST, Values.quiet().mmt8(128).withoutEnzymes().fingerFlexorWeakness(true));
            assertThat(ibm(record)).isEmpty();
        }

        @Test
        void shouldReadFingerFlexorAndQuadricepsWeaknessAtTheLatestVisitRecordingThem() {
            assertThat(ibm(fingerFlexorWeak())).isPresent();
            assertThat(ibm(fingerFlexorWeak().visit(LATEST.plusDays(1), Values.quiet().mmt8(128).ck(400)))).isPresent();
            assertThat(ibm(fingerFlexorWeak().visit(LATEST.plusDays(1),
                    Values.quiet().mmt8(128).ck(400).fingerFlexorWeakness(false)))).isEmpty();
            assertThat(ibm(patient().diagnosis(Diagnosis.PM).onsetAge(60)
                    .visit(START, Values.quiet().mmt8(130).ck(400))
                    .visit(LATEST, Values.quiet().mmt8(128).ck(400).quadricepsWeakness(true)))).isPresent();
        }

        @Test
        void shouldTakeAnAntiCn1aAsASupportingFeature() {
            PatientRecordBuilder record = patient().diagnosis(Diagnosis.DM).onsetAge(60).antibody(Antibody.CN1A, AntibodyResult.POSITIVE)
                    .visit(START, Values.quiet().ck(400)).visit(LATEST, Values.quiet().ck(400));
            assertThat(ibm(record).orElseThrow().message()).contains("anti-cN1A positive");
        }

        @ParameterizedTest(name = "S3: dysphagia, refractory {0}: prompted {0}")
        @CsvSource({"true", "false"})
        void shouldTakeDysphagiaAsSupportingOnlyWhenRefractory(boolean refractory) {
            PatientRecordBuilder record = (refractory ? refractory(Diagnosis.PM) : patient().diagnosis(Diagnosis.PM).onsetAge(60))
                    .visit(START, Values.active().dysphagia(true)).visit(LATEST, Values.active());
            assertThat(ibm(record).isPresent()).isEqualTo(refractory);
        }

        @ParameterizedTest(name = "S4: MMT-8 {0} → {1} over a year: prompted {2}")
        @CsvSource({"110, 109, true", "110, 110, false"})
        void shouldTakeSlowProgressionOfARefractoryPatientAsSupporting(int yearBefore, int latest, boolean prompted) {
            PatientRecordBuilder record = refractory(Diagnosis.PM)
                    .visit(START, Values.active())
                    .visit(LATEST.minusMonths(12), Values.active().mmt8(yearBefore))
                    .visit(LATEST.minusMonths(6), Values.active().mmt8(105))
                    .visit(LATEST, Values.active().mmt8(latest));
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @ParameterizedTest(name = "HMGCR {0}: prompted {1}")
        @CsvSource({"POSITIVE, false", "NEGATIVE, true"})
        void shouldNotPromptWithAPositiveSrpOrHmgcr(AntibodyResult hmgcr, boolean prompted) {
            PatientRecordBuilder record = fingerFlexorWeak().diagnosis(Diagnosis.IMNM).antibody(Antibody.HMGCR, hmgcr)
                    .antibody(Antibody.SRP, AntibodyResult.NEGATIVE);
            assertThat(ibm(record).isPresent()).isEqualTo(prompted);
        }

        @Test
        void shouldNameTheFeaturesMetAndTheirVisits() {
            Flag flag = ibm(refractory(Diagnosis.PM).visit(START, Values.active())
                    .visit(LATEST, Values.active().dysphagia(true).fingerFlexorWeakness(true))).orElseThrow();

            assertThat(flag.since()).isEqualTo(LATEST);
            assertThat(flag.message()).startsWith("Consider inclusion body myositis (onset at 60 on 2019-10-06, disease"
                    + " for over 12 months, CK at most 3.1 × ULN; finger flexion weaker than shoulder abduction on"
                    + " 2022-01-06, refractory, with dysphagia on 2022-01-06)");
            assertThat(flag.evidence()).extracting(Evidence::kind, Evidence::id).containsExactly(
                    tuple("patient", 42L), tuple("visit", 1L), tuple("visit", 2L), tuple("visit", 2L));
            assertThat(flag.reference()).contains("ENMC 2011");
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
