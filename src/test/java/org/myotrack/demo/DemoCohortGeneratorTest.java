package org.myotrack.demo;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.PatientRequest;
import org.myotrack.patient.Patient;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.Evaluation;
import org.myotrack.refractory.Flag;
import org.myotrack.refractory.FlagCode;
import org.myotrack.refractory.InvestigationRecord;
import org.myotrack.refractory.PatientRecord;
import org.myotrack.refractory.RefractoryRules;
import org.myotrack.refractory.RuleConfig;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.PrednisoneEquivalent;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.DrugClass;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, laziness, validity and clinical stories of the synthetic cohort. */
class DemoCohortGeneratorTest {

    private static final List<String> SITES = List.of("DEMO-A", "DEMO-B");
    private static final LocalDate REFERENCE = DemoCohortGenerator.REFERENCE_DATE;
    private static final Set<Diagnosis> JUVENILE_SUBGROUPS = EnumSet.of(Diagnosis.JDM, Diagnosis.JM_OTHER);
    private static final Set<Diagnosis> ADULT_SUBGROUPS = EnumSet.of(Diagnosis.DM, Diagnosis.PM, Diagnosis.IBM,
            Diagnosis.IMNM, Diagnosis.ASYS, Diagnosis.CADM);

    private static ValidatorFactory validatorFactory;
    private static Validator validator;
    private static List<SyntheticPatient> demo;
    private static List<SyntheticPatient> cohort;

    @BeforeAll
    static void generate() {
        validatorFactory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = validatorFactory.getValidator();
        DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, SITES);
        demo = generator.patients(48).toList();
        cohort = generator.patients(500).toList();
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    @Test
    void shouldGenerateIdenticalPatientsForTheSameSeed() {
        List<SyntheticPatient> again = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, SITES)
                .patients(48).toList();
        assertEquals(demo, again);
        List<SyntheticPatient> otherSeed = new DemoCohortGenerator(7L, SITES).patients(48).toList();
        assertNotEquals(demo, otherSeed);
    }

    @Test
    void shouldGenerateEachPatientIndependentlyOfGenerationOrder() {
        DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, SITES);
        assertEquals(demo.get(17), generator.patient(17));
        assertEquals(cohort.get(433), generator.patient(433));
        assertEquals(17, generator.patient(17).index());
    }

    @Test
    void shouldGenerateLazilyWhenAskedForAHundredThousandPatients() {
        AtomicInteger generated = new AtomicInteger();
        List<SyntheticPatient> firstThree = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, SITES)
                .patients(100_000).peek(p -> generated.incrementAndGet()).limit(3).toList();
        assertEquals(3, firstThree.size());
        assertEquals(3, generated.get());
        assertEquals(demo.subList(0, 3), firstThree);
    }

    @Test
    void shouldCoverEveryArchetypeThreeTimesBothSitesAndSixSubgroupsInTheDemoCohort() {
        Map<Archetype, Long> perArchetype = demo.stream()
                .collect(Collectors.groupingBy(SyntheticPatient::archetype, Collectors.counting()));
        for (Archetype archetype : Archetype.values()) {
            assertEquals(3L, perArchetype.getOrDefault(archetype, 0L), archetype + " appears " + perArchetype);
        }
        // The test registry seeds the first 16 (application.properties): every story once.
        assertEquals(EnumSet.allOf(Archetype.class),
                demo.subList(0, 16).stream().map(SyntheticPatient::archetype).collect(Collectors.toSet()));
        Map<String, Long> perSite = demo.stream()
                .collect(Collectors.groupingBy(p -> p.patient().siteCode(), Collectors.counting()));
        assertEquals(Set.copyOf(SITES), perSite.keySet());
        perSite.values().forEach(count -> assertTrue(count >= 20, "site counts " + perSite));
        Set<Diagnosis> subgroups = demo.stream().map(p -> p.patient().diagnosis()).collect(Collectors.toSet());
        assertTrue(subgroups.size() >= 6, "subgroups " + subgroups);
        assertTrue(subgroups.containsAll(EnumSet.of(Diagnosis.JDM, Diagnosis.IBM, Diagnosis.PM)), "" + subgroups);
    }

    @Test
    void shouldGiveUniqueExternalIdsPerSite() {
        Set<String> ids = new HashSet<>();
        for (SyntheticPatient p : cohort) {
            assertTrue(ids.add(p.patient().siteCode() + "|" + p.patient().externalId()), p.patient().externalId());
            assertTrue(p.patient().externalId().startsWith(p.patient().siteCode() + "-"));
        }
        assertEquals("DEMO-A-0001", demo.get(0).patient().externalId());
    }

    @Test
    void shouldFollowEachPatientTwoToEightYearsWithAVisitEveryThreeToSixMonths() {
        for (SyntheticPatient p : cohort) {
            List<VisitRequest> visits = p.visits();
            LocalDate first = visits.get(0).visitDate();
            LocalDate last = visits.get(visits.size() - 1).visitDate();
            long years = ChronoUnit.YEARS.between(first, last);
            assertTrue(years >= 2 && ChronoUnit.DAYS.between(first, last) <= ChronoUnit.DAYS.between(first,
                    first.plusYears(8)), "follow-up of patient " + p.index());
            for (int k = 1; k < visits.size(); k++) {
                long gap = ChronoUnit.DAYS.between(visits.get(k - 1).visitDate(), visits.get(k).visitDate());
                assertTrue(gap >= 80 && gap <= 190, "gap " + gap + " in patient " + p.index());
            }
        }
    }

    @Test
    void shouldPassBeanValidationForEveryRequest() {
        for (SyntheticPatient p : cohort) {
            assertNoViolations(p, p.patient());
            p.visits().forEach(v -> assertNoViolations(p, v));
            p.therapies().forEach(t -> assertNoViolations(p, t));
            p.investigations().forEach(i -> assertNoViolations(p, i));
        }
    }

    private static void assertNoViolations(SyntheticPatient p, Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        assertTrue(violations.isEmpty(), () -> "patient " + p.index() + ": " + violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage() + " (" + v.getInvalidValue() + ")").toList());
    }

    @Test
    void shouldRespectTheCrossFieldRulesOfTheServices() {
        for (SyntheticPatient p : cohort) {
            PatientRequest patient = p.patient();
            String who = "patient " + p.index();
            assertTrue(patient.birthDate().isBefore(patient.onsetDate()), who);
            assertTrue(patient.onsetDate().isBefore(patient.diagnosisDate()), who);
            long onsetToDiagnosis = ChronoUnit.DAYS.between(patient.onsetDate(), patient.diagnosisDate());
            assertTrue(onsetToDiagnosis >= 28 && onsetToDiagnosis <= 366, who);
            int onsetAge = Period.between(patient.birthDate(), patient.onsetDate()).getYears();
            if (JUVENILE_SUBGROUPS.contains(patient.diagnosis())) {
                assertTrue(onsetAge < 18, who);
            } else {
                assertTrue(onsetAge >= 25 && onsetAge <= 75, who + " onset age " + onsetAge);
                assertTrue(ADULT_SUBGROUPS.contains(patient.diagnosis()) || patient.diagnosis() == Diagnosis.OVERLAP);
            }
            assertFalse(p.visits().get(0).visitDate().isBefore(patient.diagnosisDate()), who);
            patient.autoantibodies().forEach(a -> assertDateWithin(patient, a.testDate(), who));

            Set<LocalDate> visitDates = new HashSet<>();
            LocalDate previous = null;
            for (VisitRequest v : p.visits()) {
                assertTrue(visitDates.add(v.visitDate()), who + " has two visits on " + v.visitDate());
                assertTrue(previous == null || v.visitDate().isAfter(previous), who + " visits out of order");
                previous = v.visitDate();
                assertDateWithin(patient, v.visitDate(), who);
                assertTrue(v.hasAnyMeasure(), who);
                if (p.archetype() == Archetype.JUVENILE_DEPENDENT_PER_KG) {
                    // Followed by the CMAS alone: no MMT-8 and no scale for it.
                    assertTrue(v.mmt8() == null && v.mmt8Max() == null && v.cmas() != null, who);
                } else {
                    assertTrue(v.mmt8Max() == 80 || v.mmt8Max() == 150, who);
                    assertTrue(v.mmt8() <= v.mmt8Max(), who);
                }
                Set<EnzymeTest> tests = EnumSet.noneOf(EnzymeTest.class);
                for (EnzymeEntry e : v.enzymes()) {
                    assertTrue(tests.add(e.test()), who + " reports " + e.test() + " twice");
                    assertTrue(e.uln() > 0 && e.value() >= 0, who);
                }
            }
            for (TherapyRequest t : p.therapies()) {
                assertDateWithin(patient, t.startDate(), who);
                if (t.endDate() != null) {
                    assertFalse(t.endDate().isBefore(t.startDate()), () -> who + " " + t);
                    assertFalse(t.endDate().isAfter(REFERENCE), () -> who + " " + t);
                } else {
                    assertNull(t.stopReason(), () -> who + " " + t);
                }
                assertEquals(t.drug() == Drug.OTHER, t.drugName() != null, () -> who + " " + t);
                assertTrue(t.dose() == null || t.doseUnit() != null, () -> who + " " + t);
                assertNull(t.version());
            }
            for (InvestigationRequest i : p.investigations()) {
                assertDateWithin(patient, i.date(), who);
                i.findings().forEach(f -> assertTrue(f.appliesTo(i.type()), () -> who + " " + i));
            }
        }
    }

    private static void assertDateWithin(PatientRequest patient, LocalDate date, String who) {
        assertNotNull(date, who);
        assertTrue(date.isAfter(patient.birthDate()), () -> who + " " + date + " before birth");
        assertFalse(date.isAfter(REFERENCE), () -> who + " " + date + " after the reference date");
    }

    @Test
    void shouldRecordTheWholeCoreSetAtEveryVisit() {
        for (SyntheticPatient p : cohort) {
            boolean juvenile = juvenile(p);
            Integer scale = p.visits().get(0).mmt8Max();
            for (VisitRequest v : p.visits()) {
                String who = "patient " + p.index() + " on " + v.visitDate();
                assertNotNull(v.physicianGlobalActivity(), who);
                assertNotNull(v.patientGlobalActivity(), who);
                assertNotNull(v.extramuscularActivity(), who);
                assertNotNull(v.haq(), who);
                assertEquals(scale, v.mmt8Max(), who + " changed MMT-8 scale");
                assertEquals(EnzymeTest.CK, v.enzymes().get(0).test(), who);
                assertEquals("U/L", v.enzymes().get(0).unit(), who);
                assertNotNull(v.physicianGlobalDamage(), who);
                assertNotNull(v.patientGlobalDamage(), who);
                assertNotNull(v.mdiExtent(), who);
                assertNotNull(v.mdiSeverity(), who);
                assertEquals(juvenile, v.cmas() != null, who);
                assertEquals(!juvenile, v.sf36Pcs() != null && v.sf36Mcs() != null, who);
            }
        }
    }

    @Test
    void shouldMatchAutoantibodiesToTheSubgroup() {
        Set<Antibody> synthetases = EnumSet.of(Antibody.JO1, Antibody.PL7, Antibody.PL12);
        Set<Antibody> dermatomyositis = EnumSet.of(Antibody.MI2, Antibody.TIF1G, Antibody.NXP2, Antibody.MDA5,
                Antibody.SAE);
        for (SyntheticPatient p : cohort) {
            Set<Antibody> positive = p.patient().autoantibodies().stream()
                    .filter(a -> a.result() == AntibodyResult.POSITIVE).map(AutoantibodyEntry::antibody)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Antibody.class)));
            Set<Antibody> specific = positive.stream().filter(Antibody::isMyositisSpecific)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Antibody.class)));
            String who = "patient " + p.index() + " " + p.patient().diagnosis() + " " + positive;
            switch (p.patient().diagnosis()) {
                case ASYS -> assertTrue(specific.size() == 1 && synthetases.containsAll(specific), who);
                case IMNM -> assertTrue(specific.equals(EnumSet.of(Antibody.SRP))
                        || specific.equals(EnumSet.of(Antibody.HMGCR)), who);
                case CADM -> assertEquals(EnumSet.of(Antibody.MDA5), specific, who);
                case DM, JDM -> assertTrue(specific.size() <= 1 && dermatomyositis.containsAll(specific), who);
                case PM -> assertTrue(specific.isEmpty(), who);
                case IBM -> assertTrue(EnumSet.of(Antibody.CN1A).containsAll(specific), who);
                default -> assertTrue(specific.isEmpty(), who);
            }
            if (Boolean.TRUE.equals(p.patient().cancerAssociated())) {
                assertTrue(positive.contains(Antibody.TIF1G) && !juvenile(p), who);
            }
        }
    }

    /** The flags a story must raise and those it must not; flags in neither set are left to the course. */
    private record Story(Set<FlagCode> required, Set<FlagCode> forbidden) {

        static Story exactly(FlagCode... flags) {
            EnumSet<FlagCode> required = flags.length == 0 ? EnumSet.noneOf(FlagCode.class) : EnumSet.of(flags[0], flags);
            return new Story(required, EnumSet.complementOf(required));
        }

        static Story raising(Set<FlagCode> required, Set<FlagCode> forbidden) {
            return new Story(required, forbidden);
        }
    }

    @Test
    void shouldTriggerTheRulesEachArchetypeIsMeantToTrigger() {
        Map<Archetype, Story> stories = new EnumMap<>(Archetype.class);
        stories.put(Archetype.RESPONDER, Story.exactly());
        stories.put(Archetype.JUVENILE_RESPONDER, Story.exactly());
        stories.put(Archetype.IBM_SLOW_DECLINE, Story.exactly());
        stories.put(Archetype.ACTIVE_ON_TWO_AGENTS,
                Story.exactly(FlagCode.INADEQUATE_RESPONSE, FlagCode.GLUCOCORTICOID_DEPENDENCE));
        stories.put(Archetype.DAMAGE_WITH_NORMAL_CK, Story.exactly(FlagCode.WEAKNESS_WITHOUT_ACTIVITY));
        stories.put(Archetype.CK_HIGH_WHILE_STRONGER, Story.exactly(FlagCode.ENZYMES_WITHOUT_WEAKNESS));
        stories.put(Archetype.STEROID_DEPENDENT, Story.exactly(FlagCode.GLUCOCORTICOID_DEPENDENCE));
        stories.put(Archetype.BIOPSY_WITHOUT_INFLAMMATION, Story.raising(
                EnumSet.of(FlagCode.MULTIPLE_AGENT_FAILURE, FlagCode.REEVALUATE_DIAGNOSIS, FlagCode.CONSIDER_IBM),
                EnumSet.of(FlagCode.CONFIRMED_WORSENING, FlagCode.WEAKNESS_WITHOUT_ACTIVITY, FlagCode.ENZYMES_WITHOUT_WEAKNESS,
                        FlagCode.STATIN_EXPOSED_HMGCR)));
        stories.put(Archetype.MULTIPLE_AGENT_FAILURE, Story.raising(EnumSet.of(FlagCode.MULTIPLE_AGENT_FAILURE),
                EnumSet.of(FlagCode.CONFIRMED_WORSENING, FlagCode.WEAKNESS_WITHOUT_ACTIVITY, FlagCode.ENZYMES_WITHOUT_WEAKNESS,
                        FlagCode.REEVALUATE_DIAGNOSIS, FlagCode.CONSIDER_IBM, FlagCode.STATIN_EXPOSED_HMGCR)));
        stories.put(Archetype.WORSENING, Story.raising(EnumSet.of(FlagCode.CONFIRMED_WORSENING),
                EnumSet.of(FlagCode.WEAKNESS_WITHOUT_ACTIVITY, FlagCode.ENZYMES_WITHOUT_WEAKNESS, FlagCode.REEVALUATE_DIAGNOSIS,
                        FlagCode.CONSIDER_IBM, FlagCode.STATIN_EXPOSED_HMGCR)));
        stories.put(Archetype.JUVENILE_DEPENDENT_PER_KG, Story.exactly(FlagCode.GLUCOCORTICOID_DEPENDENCE));
        stories.put(Archetype.SKIN_PREDOMINANT, Story.exactly(FlagCode.INADEQUATE_RESPONSE));
        stories.put(Archetype.POLYMYOSITIS_MEETING_IBM_CRITERIA, Story.exactly(FlagCode.CONSIDER_IBM));
        stories.put(Archetype.STATIN_EXPOSED_HMGCR, Story.exactly(FlagCode.STATIN_EXPOSED_HMGCR));
        stories.put(Archetype.REMISSION_WITH_NOISE, Story.exactly());
        stories.put(Archetype.STEROID_SPARING_METHOTREXATE, Story.exactly());
        assertEquals(EnumSet.allOf(Archetype.class), stories.keySet());

        List<String> failures = new ArrayList<>();
        for (SyntheticPatient p : cohort) {
            Set<FlagCode> flags = flagCodes(p);
            Story story = stories.get(p.archetype());
            Set<FlagCode> missing = EnumSet.copyOf(story.required());
            missing.removeAll(flags);
            Set<FlagCode> unwanted = EnumSet.noneOf(FlagCode.class);
            unwanted.addAll(flags);
            unwanted.retainAll(story.forbidden());
            if (!missing.isEmpty() || !unwanted.isEmpty()) {
                failures.add(p.index() + " " + p.archetype() + " " + p.patient().diagnosis() + " missing " + missing
                        + " unwanted " + unwanted);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " patients off their story: " + failures);
    }

    @Test
    void shouldTaperRespondersToFiveMilligramsWithinSixMonthsAndReachAModerateResponse() {
        for (SyntheticPatient p : cohort) {
            if (p.archetype() != Archetype.RESPONDER && p.archetype() != Archetype.JUVENILE_RESPONDER) {
                continue;
            }
            LocalDate start = p.therapies().stream().filter(t -> t.drug() == Drug.PREDNISONE)
                    .map(TherapyRequest::startDate).min(LocalDate::compareTo).orElseThrow();
            assertTrue(prednisoneEquivalent(record(p).therapies(), start.plusMonths(6)) <= 5,
                    "patient " + p.index());
            List<VisitRequest> visits = p.visits();
            List<ScoredVisit> scored = record(p).visits();
            double score = TotalImprovementScore.score(scored.get(0).measures(),
                    scored.get(scored.size() - 1).measures(), record(p).responseCriteria()).tis();
            // Moderate improvement: 40 in adults, 45 in juvenile patients (clinical.md §4).
            assertTrue(score >= (p.archetype() == Archetype.JUVENILE_RESPONDER ? 45 : 40),
                    "patient " + p.index() + " TIS " + score);
        }
    }

    @Test
    void shouldShowTheStoryOfEachArchetypeInItsRecord() {
        for (SyntheticPatient p : cohort) {
            String who = "patient " + p.index();
            Set<Finding> biopsy = p.investigations().stream().filter(i -> i.type() == InvestigationType.BIOPSY)
                    .flatMap(i -> i.findings().stream()).collect(Collectors.toSet());
            switch (p.archetype()) {
                case BIOPSY_WITHOUT_INFLAMMATION -> {
                    assertEquals(Diagnosis.PM, p.patient().diagnosis(), who);
                    // An ENMC supporting feature for CONSIDER_IBM (R7 S1).
                    assertEquals(Boolean.TRUE, p.visits().get(p.visits().size() - 1).fingerFlexorWeakness(), who);
                    assertTrue(EnumSet.of(Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC).containsAll(biopsy)
                            && !biopsy.isEmpty(), who);
                }
                case IBM_SLOW_DECLINE -> {
                    assertEquals(Diagnosis.IBM, p.patient().diagnosis(), who);
                    assertTrue(biopsy.contains(Finding.RIMMED_VACUOLES), who);
                    List<VisitRequest> v = p.visits();
                    assertTrue(v.get(v.size() - 1).mmt8() < v.get(0).mmt8(), who);
                }
                case JUVENILE_RESPONDER -> assertEquals(Diagnosis.JDM, p.patient().diagnosis(), who);
                case JUVENILE_DEPENDENT_PER_KG -> {
                    assertEquals(Diagnosis.JDM, p.patient().diagnosis(), who);
                    assertTrue(p.visits().stream().allMatch(v -> v.mmt8() == null && v.cmas() != null
                            && v.bodyWeightKg() != null), who);
                    // Under 37.5 kg while held at 0.25 mg/kg: 0.2 mg/kg of the weight, not 7.5 mg, is the threshold.
                    assertTrue(p.visits().get(1).bodyWeightKg() < 37.5, who + " " + p.visits().get(1).bodyWeightKg());
                    assertTrue(p.therapies().stream().anyMatch(t -> t.drug() == Drug.PREDNISOLONE
                            && t.doseUnit() == DoseUnit.MG_PER_KG && t.dose() == 0.25), who);
                }
                case SKIN_PREDOMINANT -> assertTrue(p.visits().stream().allMatch(v -> v.cdasiActivity() != null
                        && v.cdasiActivity() >= 15 && v.extramuscularActivity() >= 2), who);
                case POLYMYOSITIS_MEETING_IBM_CRITERIA -> {
                    assertEquals(Diagnosis.PM, p.patient().diagnosis(), who);
                    assertTrue(p.patient().onsetDate().isAfter(p.patient().birthDate().plusYears(45)), who);
                    assertTrue(p.visits().stream().allMatch(v -> Boolean.TRUE.equals(v.fingerFlexorWeakness())
                            && v.enzymes().get(0).value() <= 15 * v.enzymes().get(0).uln()), who);
                }
                case STATIN_EXPOSED_HMGCR -> {
                    assertEquals(Diagnosis.IMNM, p.patient().diagnosis(), who);
                    assertTrue(p.patient().autoantibodies().stream().anyMatch(a -> a.antibody() == Antibody.HMGCR
                            && a.result() == AntibodyResult.POSITIVE), who);
                    assertTrue(EnumSet.of(StatinExposure.PAST, StatinExposure.CURRENT)
                            .contains(p.patient().statinExposure()) && p.patient().statinStartDate() != null, who);
                }
                case REMISSION_WITH_NOISE -> assertTrue(p.visits().stream().allMatch(v -> v.physicianGlobalActivity() < 1
                        && v.patientGlobalActivity() < 1 && v.extramuscularActivity() < 1 && v.haq() <= 0.125
                        && v.enzymes().get(0).value() <= v.enzymes().get(0).uln()), who);
                case STEROID_SPARING_METHOTREXATE -> {
                    LocalDate start = p.therapies().stream().filter(t -> t.drug() == Drug.PREDNISONE)
                            .map(TherapyRequest::startDate).min(LocalDate::compareTo).orElseThrow();
                    assertTrue(prednisoneEquivalent(record(p).therapies(), start.plusMonths(6)) <= 7.5, who);
                    LocalDate methotrexate = p.therapies().stream().filter(t -> t.drug() == Drug.METHOTREXATE)
                            .map(TherapyRequest::startDate).findFirst().orElseThrow();
                    assertTrue(methotrexate.isAfter(start.plusMonths(6)), who);
                    // The floor effect R3 spares: from the visit methotrexate starts at, TIS stays below minimal (20).
                    List<ScoredVisit> scored = record(p).visits();
                    ScoredVisit regimenBaseline = scored.stream().filter(v -> v.date().equals(methotrexate))
                            .findFirst().orElseThrow();
                    double tis = TotalImprovementScore.score(regimenBaseline.measures(),
                            scored.get(scored.size() - 1).measures(), record(p).responseCriteria()).tis();
                    assertTrue(tis < 20, who + " TIS " + tis);
                }
                case CK_HIGH_WHILE_STRONGER -> assertTrue(EnumSet.of(Diagnosis.IMNM, Diagnosis.ASYS)
                        .contains(p.patient().diagnosis()), who);
                case MULTIPLE_AGENT_FAILURE -> assertTrue(p.therapies().stream()
                        .anyMatch(t -> t.drug() == Drug.RITUXIMAB), who);
                default -> assertNotNull(p.patient().diagnosis(), who);
            }
        }
    }

    /** The real rules' flags for a synthetic patient. */
    private static Set<FlagCode> flagCodes(SyntheticPatient p) {
        Evaluation evaluation = RefractoryRules.evaluate(record(p), RuleConfig.defaults());
        Set<FlagCode> codes = EnumSet.noneOf(FlagCode.class);
        evaluation.flags().stream().map(Flag::code).forEach(codes::add);
        return codes;
    }

    private static boolean juvenile(SyntheticPatient p) {
        PatientRequest patient = p.patient();
        return Patient.isJuvenile(patient.birthDate(), patient.onsetDate(), patient.diagnosisDate(), patient.diagnosis());
    }

    /**
     * The record the rules would read once the patient is stored, with synthetic ids: visits 1, 2, …, therapies
     * 1001, …, investigations 2001, …; the latest result per antibody.
     */
    static PatientRecord record(SyntheticPatient p) {
        PatientRequest patient = p.patient();
        List<ScoredVisit> visits = new ArrayList<>();
        for (VisitRequest v : p.visits()) {
            List<EnzymeLevel> enzymes = v.enzymes() == null ? List.of()
                    : v.enzymes().stream().map(e -> new EnzymeLevel(e.test(), e.value(), e.uln())).toList();
            visits.add(new ScoredVisit(visits.size() + 1L, v.visitDate(), new CoreSetMeasures(
                    v.physicianGlobalActivity(), v.patientGlobalActivity(), v.mmt8(), v.mmt8Max(), v.cmas(), v.haq(),
                    v.extramuscularActivity(), enzymes), new VisitSigns(v.bodyWeightKg(), v.cdasiActivity(),
                    v.dysphagia(), v.fingerFlexorWeakness(), v.quadricepsWeakness())));
        }
        List<TherapyPeriod> therapies = new ArrayList<>();
        for (TherapyRequest t : p.therapies()) {
            therapies.add(new TherapyPeriod(1001L + therapies.size(), t.drug(), t.drugName(), t.dose(), t.doseUnit(),
                    t.frequency(), t.route(), t.startDate(), t.endDate(), t.stopReason()));
        }
        List<InvestigationRecord> investigations = new ArrayList<>();
        for (InvestigationRequest i : p.investigations()) {
            investigations.add(new InvestigationRecord(2001L + investigations.size(), i.date(), i.type(), Set.copyOf(i.findings())));
        }
        Map<Antibody, AutoantibodyEntry> latest = new EnumMap<>(Antibody.class);
        for (AutoantibodyEntry result : patient.autoantibodies()) {
            latest.merge(result.antibody(), result, (held, next) -> next.testDate().isBefore(held.testDate()) ? held : next);
        }
        Map<Antibody, AntibodyResult> antibodies = new EnumMap<>(Antibody.class);
        latest.forEach((antibody, result) -> antibodies.put(antibody, result.result()));
        return new PatientRecord(p.index() + 1L, patient.diagnosis(), juvenile(p), patient.birthDate(),
                patient.onsetDate(), patient.diagnosisDate(), patient.statinExposure(), patient.statinStartDate(),
                antibodies, visits, therapies, investigations);
    }

    /** Prednisone-equivalent daily dose on {@code day}, pulses excluded (clinical.md §3). */
    private static double prednisoneEquivalent(List<TherapyPeriod> therapies, LocalDate day) {
        double dose = 0;
        for (TherapyPeriod t : therapies) {
            boolean taken = !day.isBefore(t.startDate()) && (t.endDate() == null || !day.isAfter(t.endDate()));
            if (taken && t.drug().drugClass() == DrugClass.GLUCOCORTICOID) {
                OptionalDouble daily = PrednisoneEquivalent.dailyDoseMg(t.drug(), t.dose(), t.doseUnit(), t.frequency(), t.route());
                dose += daily.orElse(0);
            }
        }
        return dose;
    }
}
