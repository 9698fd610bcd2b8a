package org.myotrack.refractory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.StatinExposure;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, point 5: the flags of a record do not depend on the order in which its visits, therapies and
 * investigations were entered. Entering records in another order gives them other ids; the registry reads them back
 * by date (visits, investigations) or start (therapies), then by id, as {@link PatientRecordLoader} does. The flags,
 * their dates, messages, evidence and work-up, and what to record, must come out the same.
 */
class RulesOrderIndependenceTest {

    private static final LocalDate START = LocalDate.of(2019, 3, 4);
    private static final List<Diagnosis> DIAGNOSES = List.of(Diagnosis.DM, Diagnosis.PM, Diagnosis.JDM, Diagnosis.IMNM,
            Diagnosis.CADM, Diagnosis.UNCLASSIFIED);
    private static final List<Drug> AGENTS = List.of(Drug.METHOTREXATE, Drug.AZATHIOPRINE, Drug.MYCOPHENOLATE,
            Drug.TACROLIMUS, Drug.RITUXIMAB, Drug.IVIG);

    /** A record's content without ids: what a clinic enters, in any order. */
    private record Content(Diagnosis diagnosis, boolean juvenile, LocalDate birth, LocalDate onset, StatinExposure statin,
                           Map<Antibody, AntibodyResult> antibodies, List<VisitContent> visits,
                           List<TherapyContent> therapies, List<InvestigationContent> investigations) {
    }

    private record VisitContent(LocalDate date, CoreSetMeasures measures, VisitSigns signs) {
    }

    private record TherapyContent(Drug drug, double dose, DoseUnit unit, Frequency frequency, Route route,
                                  LocalDate start, LocalDate end, StopReason reason) {
    }

    private record InvestigationContent(LocalDate date, InvestigationType type, Set<Finding> findings) {
    }

    @Property(tries = 400)
    void shouldRaiseTheSameFlagsWhateverTheOrderOfEntry(@ForAll long seed) {
        Random random = new Random(seed);
        Content content = content(random);

        Evaluation asEntered = evaluate(content, new Random(seed ^ 0x5DEECE66DL));
        Evaluation otherOrder = evaluate(content, new Random(seed * 31 + 7));

        assertThat(projection(otherOrder)).isEqualTo(projection(asEntered));
    }

    /** Everything a physician reads of an evaluation, without the record ids that depend on the order of entry. */
    private static List<Object> projection(Evaluation evaluation) {
        List<Object> seen = new ArrayList<>();
        seen.add(evaluation.refractory());
        seen.add(evaluation.toRecord());
        for (Flag flag : evaluation.flags()) {
            seen.add(List.of(flag.code(), flag.since(), flag.message(), flag.workUp(),
                    flag.evidence().stream().map(e -> e.kind() + ": " + e.detail()).toList()));
        }
        return seen;
    }

    /** Enters the content in a shuffled order (ids in order of entry) and reads it back as the registry does. */
    private static Evaluation evaluate(Content content, Random order) {
        List<ScoredVisit> visits = entered(content.visits(), order, (v, id) -> new ScoredVisit(id, v.date(), v.measures(), v.signs()));
        visits.sort(Comparator.comparing(ScoredVisit::date).thenComparingLong(ScoredVisit::id));
        List<TherapyPeriod> therapies = entered(content.therapies(), order, (t, id) -> new TherapyPeriod(1000 + id,
                t.drug(), null, t.dose(), t.unit(), t.frequency(), t.route(), t.start(), t.end(), t.reason()));
        therapies.sort(Comparator.comparing(TherapyPeriod::startDate).thenComparingLong(TherapyPeriod::id));
        List<InvestigationRecord> investigations = entered(content.investigations(), order,
                (i, id) -> new InvestigationRecord(2000 + id, i.date(), i.type(), i.findings()));
        investigations.sort(Comparator.comparing(InvestigationRecord::date).thenComparingLong(InvestigationRecord::id));
        PatientRecord record = new PatientRecord(7, content.diagnosis(), content.juvenile(), content.birth(),
                content.onset(), null, content.statin(), null, content.antibodies(), visits, therapies, investigations);
        return RefractoryRules.evaluate(record, RuleConfig.defaults());
    }

    private interface WithId<T, R> {
        R apply(T item, long id);
    }

    private static <T, R> List<R> entered(List<T> items, Random order, WithId<T, R> withId) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, order);
        List<R> entered = new ArrayList<>();
        for (T item : shuffled) {
            entered.add(withId.apply(item, entered.size() + 1L));
        }
        return entered;
    }

    private static Content content(Random random) {
        Diagnosis diagnosis = DIAGNOSES.get(random.nextInt(DIAGNOSES.size()));
        boolean juvenile = diagnosis == Diagnosis.JDM || random.nextInt(6) == 0;
        LocalDate onset = START.minusDays(random.nextInt(700));
        LocalDate birth = onset.minusYears(juvenile ? 5 + random.nextInt(12) : 30 + random.nextInt(40));
        Map<Antibody, AntibodyResult> antibodies = new EnumMap<>(Antibody.class);
        for (Antibody antibody : List.of(Antibody.HMGCR, Antibody.SRP, Antibody.MDA5, Antibody.CN1A, Antibody.JO1)) {
            if (random.nextInt(4) == 0) {
                antibodies.put(antibody, random.nextBoolean() ? AntibodyResult.POSITIVE : AntibodyResult.NEGATIVE);
            }
        }
        StatinExposure statin = StatinExposure.values()[random.nextInt(StatinExposure.values().length)];
        List<VisitContent> visits = new ArrayList<>();
        int week = 0;
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            visits.add(visit(random, START.plusWeeks(week)));
            week += 4 + random.nextInt(20);
        }
        List<TherapyContent> therapies = new ArrayList<>();
        for (int n = random.nextInt(6); n > 0; n--) {
            therapies.add(therapy(random));
        }
        List<InvestigationContent> investigations = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            InvestigationType type = InvestigationType.values()[random.nextInt(InvestigationType.values().length)];
            List<Finding> possible = switch (type) {
                case MRI -> List.of(Finding.MUSCLE_EDEMA, Finding.FATTY_REPLACEMENT, Finding.ATROPHY, Finding.NORMAL);
                case BIOPSY -> List.of(Finding.INFLAMMATORY_INFILTRATES, Finding.NECROSIS, Finding.RIMMED_VACUOLES,
                        Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC);
                default -> List.of(Finding.MYOPATHIC, Finding.NEUROGENIC, Finding.NORMAL);
            };
            Set<Finding> findings = EnumSet.of(possible.get(random.nextInt(possible.size())));
            if (random.nextBoolean()) {
                findings.add(possible.get(random.nextInt(possible.size())));
            }
            investigations.add(new InvestigationContent(START.plusWeeks(random.nextInt(week + 1)), type, findings));
        }
        return new Content(diagnosis, juvenile, birth, onset, statin, antibodies, visits, therapies, investigations);
    }

    private static VisitContent visit(Random random, LocalDate date) {
        List<EnzymeLevel> enzymes = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            enzymes.add(new EnzymeLevel(EnzymeTest.CK, 50 + random.nextInt(4000), 200));
        }
        if (random.nextInt(3) == 0) {
            enzymes.add(new EnzymeLevel(EnzymeTest.ALT, 10 + random.nextInt(150), 40));
        }
        boolean mmt8 = random.nextInt(5) > 0;
        CoreSetMeasures measures = new CoreSetMeasures(maybe(random, r -> r.nextInt(80) / 10.0),
                maybe(random, r -> r.nextInt(80) / 10.0), mmt8 ? 90 + random.nextInt(61) : null, mmt8 ? 150 : null,
                maybe(random, r -> 30 + r.nextInt(23)), maybe(random, r -> r.nextInt(17) * 0.125),
                maybe(random, r -> r.nextInt(60) / 10.0), enzymes);
        VisitSigns signs = new VisitSigns(maybe(random, r -> 20 + r.nextInt(800) / 10.0), maybe(random, r -> r.nextInt(40)),
                maybe(random, Random::nextBoolean), maybe(random, Random::nextBoolean), maybe(random, Random::nextBoolean));
        return new VisitContent(date, measures, signs);
    }

    private static TherapyContent therapy(Random random) {
        LocalDate start = START.plusWeeks(random.nextInt(60)).minusWeeks(10);
        LocalDate end = random.nextBoolean() ? null : start.plusWeeks(1 + random.nextInt(40));
        StopReason reason = end == null ? null : StopReason.values()[random.nextInt(StopReason.values().length)];
        return switch (random.nextInt(4)) {
            case 0 -> new TherapyContent(Drug.PREDNISONE, 2.5 * (1 + random.nextInt(24)), DoseUnit.MG, Frequency.DAILY,
                    Route.ORAL, start, end, reason);
            case 1 -> new TherapyContent(Drug.PREDNISOLONE, 0.1 * (1 + random.nextInt(20)), DoseUnit.MG_PER_KG,
                    Frequency.DAILY, Route.ORAL, start, end, reason);
            default -> new TherapyContent(AGENTS.get(random.nextInt(AGENTS.size())), 20, DoseUnit.MG, Frequency.WEEKLY,
                    Route.ORAL, start, end, reason);
        };
    }

    private static <T> T maybe(Random random, Function<Random, T> value) {
        return random.nextInt(4) == 0 ? null : value.apply(random);
    }
}
