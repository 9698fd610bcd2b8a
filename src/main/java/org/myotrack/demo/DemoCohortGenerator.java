package org.myotrack.demo;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.PatientRequest;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Deterministic synthetic myositis cohort for demo mode and benchmarks; each patient comes from its own seed. */
public final class DemoCohortGenerator {

    /** Seed of the demo cohort. */
    public static final long DEMO_SEED = 20161116L;
    /** No generated date lies after this day, so the cohort does not depend on the day it is generated. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 6, 30);

    private static final Archetype[] ARCHETYPES = Archetype.values();
    /** Salt that separates the archetype shuffles from the patients' own random streams. */
    private static final long ARCHETYPE_SALT = 0x2545F4914F6CDD1DL;
    /** Myositis line-blot panel most labs report (clinical.md §1); HMGCR and cN1A are separate assays. */
    private static final List<Antibody> LINE_BLOT = List.of(Antibody.JO1, Antibody.PL7, Antibody.PL12, Antibody.EJ,
            Antibody.OJ, Antibody.MI2, Antibody.MDA5, Antibody.TIF1G, Antibody.NXP2, Antibody.SAE, Antibody.SRP,
            Antibody.KU, Antibody.PMSCL75, Antibody.PMSCL100, Antibody.RO52);
    /** Stories in which an EMG may show neurogenic as well as myopathic potentials. */
    private static final Set<Archetype> DIAGNOSIS_IN_DOUBT = EnumSet.of(Archetype.IBM_SLOW_DECLINE,
            Archetype.BIOPSY_WITHOUT_INFLAMMATION, Archetype.POLYMYOSITIS_MEETING_IBM_CRITERIA);
    /** Longest follow-up target in days: just under eight years. */
    private static final int MAX_FOLLOW_UP_DAYS = 2900;

    private final long seed;
    private final List<String> siteCodes;

    public DemoCohortGenerator(long seed, List<String> siteCodes) {
        Objects.requireNonNull(siteCodes, "siteCodes");
        if (siteCodes.isEmpty()) {
            throw new IllegalArgumentException("at least one site code is required");
        }
        this.seed = seed;
        this.siteCodes = List.copyOf(siteCodes);
    }

    /** The first {@code count} patients, generated one at a time as the stream is consumed. */
    public Stream<SyntheticPatient> patients(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more");
        }
        return IntStream.range(0, count).mapToObj(this::patient);
    }

    /** Patient number {@code index} (from 0), the same whatever else has been generated. */
    public SyntheticPatient patient(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more");
        }
        Archetype archetype = archetypeOf(index);
        Random rng = new Random(mix(seed, index));
        int site = index % siteCodes.size();
        String siteCode = siteCodes.get(site);
        String externalId = String.format("%s-%04d", siteCode, index / siteCodes.size() + 1)
                .replaceAll("[^\\p{Alnum}._/-]", "-");

        Diagnosis diagnosis = diagnosisOf(archetype, index);
        boolean juvenile = diagnosis.isJuvenileSubgroup();
        int onsetAge = onsetAge(rng, archetype, diagnosis);
        int[] days = visitDays(rng, archetype);
        LocalDate firstVisit = REFERENCE_DATE.minusDays(days[days.length - 1] + (long) rng.nextInt(120));
        // A patient in long remission joins the registry years after the diagnosis; the others at diagnosis.
        LocalDate diagnosisDate = archetype == Archetype.REMISSION_WITH_NOISE
                ? firstVisit.minusDays(between(rng, 400, 1800)) : firstVisit.minusDays(rng.nextInt(22));
        LocalDate onsetDate = diagnosisDate.minusDays(31 + rng.nextInt(330));
        LocalDate birthDate = onsetDate.minusYears(onsetAge).minusDays(1 + rng.nextInt(363));
        Sex sex = rng.nextDouble() < femaleShare(diagnosis) ? Sex.FEMALE : Sex.MALE;

        List<AutoantibodyEntry> autoantibodies = new ArrayList<>();
        Set<Antibody> positive = serology(rng, archetype, diagnosis, diagnosisDate, autoantibodies);
        boolean myositisSpecificSynthetase = positive.contains(Antibody.JO1) || positive.contains(Antibody.PL7)
                || positive.contains(Antibody.PL12);
        boolean ild = rng.nextDouble() < ildShare(diagnosis, positive, myositisSpecificSynthetase);
        // Cancer-associated myositis is an adult TIF1-γ story (clinical.md §1); a few, not all, of them.
        boolean cancer = !juvenile && positive.contains(Antibody.TIF1G) && onsetAge >= 40 && rng.nextDouble() < 0.4;

        int mmt8Max = juvenile && rng.nextBoolean() ? 80 : 150;
        ClinicalCourse course = new ClinicalCourse(rng, archetype, diagnosis, juvenile, mmt8Max, diagnosisDate,
                firstVisit, days, REFERENCE_DATE).build();
        Laboratory lab = new Laboratory(rng, site);
        List<VisitRequest> visits = new ArrayList<>();
        List<Measures> measures = course.measures();
        if (archetype == Archetype.JUVENILE_DEPENDENT_PER_KG) {
            weighChild(rng, birthDate, firstVisit, days, measures);
        }
        for (int k = 0; k < days.length; k++) {
            visits.add(render(rng, firstVisit.plusDays(days[k]), measures.get(k), k == 0, juvenile, mmt8Max, lab));
        }
        List<InvestigationRequest> investigations = new ArrayList<>(diagnosticWorkUp(rng, archetype, diagnosis,
                diagnosisDate));
        investigations.addAll(course.investigations());
        investigations.sort(Comparator.comparing(InvestigationRequest::date));

        StatinExposure statin = null;
        LocalDate statinStart = null;
        if (archetype == Archetype.STATIN_EXPOSED_HMGCR) {
            // Mostly stopped at diagnosis; some still record it as current, which the prompt tells them to stop.
            statin = rng.nextDouble() < 0.75 ? StatinExposure.PAST : StatinExposure.CURRENT;
            statinStart = onsetDate.minusDays(between(rng, 200, 2900));
        }
        PatientRequest patient = new PatientRequest(siteCode, externalId, sex, birthDate, diagnosis, diagnosisDate,
                onsetDate, cancer, ild, statin, statinStart, autoantibodies, null);
        return new SyntheticPatient(index, archetype, patient, visits, course.therapies().sorted(), investigations);
    }

    /**
     * Every run of {@code Archetype.values().length} (16) consecutive indices holds each archetype once, in an order
     * shuffled per run, so the 48 patients of the default demo cohort show every story three times.
     */
    Archetype archetypeOf(int index) {
        int block = index / ARCHETYPES.length;
        List<Archetype> order = new ArrayList<>(Arrays.asList(ARCHETYPES));
        Collections.shuffle(order, new Random(mix(seed ^ ARCHETYPE_SALT, block)));
        return order.get(index % ARCHETYPES.length);
    }

    /** Subgroups rotate by run of ten, so the cohort shows each archetype in several subgroups. */
    private Diagnosis diagnosisOf(Archetype archetype, int index) {
        List<Diagnosis> options = switch (archetype) {
            case RESPONDER -> List.of(Diagnosis.DM, Diagnosis.PM, Diagnosis.ASYS, Diagnosis.OVERLAP);
            case ACTIVE_ON_TWO_AGENTS -> List.of(Diagnosis.PM, Diagnosis.DM, Diagnosis.IMNM, Diagnosis.ASYS,
                    Diagnosis.OVERLAP);
            case DAMAGE_WITH_NORMAL_CK -> List.of(Diagnosis.IMNM, Diagnosis.PM, Diagnosis.DM, Diagnosis.OVERLAP);
            case CK_HIGH_WHILE_STRONGER -> List.of(Diagnosis.IMNM, Diagnosis.ASYS);
            case BIOPSY_WITHOUT_INFLAMMATION -> List.of(Diagnosis.PM);
            case MULTIPLE_AGENT_FAILURE -> List.of(Diagnosis.DM, Diagnosis.ASYS, Diagnosis.IMNM, Diagnosis.OVERLAP);
            case STEROID_DEPENDENT -> List.of(Diagnosis.CADM, Diagnosis.DM, Diagnosis.ASYS, Diagnosis.OVERLAP);
            case WORSENING -> List.of(Diagnosis.ASYS, Diagnosis.CADM, Diagnosis.DM, Diagnosis.OVERLAP);
            case JUVENILE_RESPONDER -> List.of(Diagnosis.JDM);
            case IBM_SLOW_DECLINE -> List.of(Diagnosis.IBM);
            case JUVENILE_DEPENDENT_PER_KG -> List.of(Diagnosis.JDM);
            case SKIN_PREDOMINANT -> List.of(Diagnosis.DM, Diagnosis.CADM);
            case POLYMYOSITIS_MEETING_IBM_CRITERIA -> List.of(Diagnosis.PM);
            case STATIN_EXPOSED_HMGCR -> List.of(Diagnosis.IMNM);
            case REMISSION_WITH_NOISE -> List.of(Diagnosis.DM, Diagnosis.PM, Diagnosis.ASYS, Diagnosis.OVERLAP);
            // The subgroups whose TIS is validated, where the floor effect of R3 matters.
            case STEROID_SPARING_METHOTREXATE -> List.of(Diagnosis.DM, Diagnosis.PM);
        };
        return options.get(Math.floorMod(index / ARCHETYPES.length + (int) (seed % 7), options.size()));
    }

    private static int onsetAge(Random rng, Archetype archetype, Diagnosis diagnosis) {
        return switch (archetype) {
            case JUVENILE_RESPONDER -> between(rng, 5, 15);
            case IBM_SLOW_DECLINE -> between(rng, 50, 75);
            // Young children, so 0.2 mg/kg of their weight is under 7.5 mg and the per-kg threshold decides (R6).
            case JUVENILE_DEPENDENT_PER_KG -> between(rng, 4, 9);
            // ENMC M1: onset strictly after the 45th birthday.
            case POLYMYOSITIS_MEETING_IBM_CRITERIA -> between(rng, 46, 72);
            case BIOPSY_WITHOUT_INFLAMMATION -> between(rng, 45, 70);
            // Polymyositis refractory from 45 on would also prompt CONSIDER_IBM, which this story does not intend.
            case ACTIVE_ON_TWO_AGENTS -> diagnosis == Diagnosis.PM ? between(rng, 25, 44) : between(rng, 25, 70);
            default -> between(rng, 25, 72);
        };
    }

    /**
     * Visit days from the first visit: every three to four and a half months in the first two years, then every
     * four to six, over two to eight years; longer for stories that need a long tail.
     */
    private static int[] visitDays(Random rng, Archetype archetype) {
        int minimumSpan = switch (archetype) {
            case DAMAGE_WITH_NORMAL_CK -> 1700;
            case MULTIPLE_AGENT_FAILURE -> 1170;
            default -> 740;
        };
        int target = minimumSpan + 190 + rng.nextInt(MAX_FOLLOW_UP_DAYS - minimumSpan - 190 + 1);
        List<Integer> days = new ArrayList<>(List.of(0));
        int day = 0;
        while (true) {
            int gap = day < 730 ? between(rng, 91, 135) : between(rng, 120, 183);
            if (day + gap > target) {
                break;
            }
            day += gap;
            days.add(day);
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double femaleShare(Diagnosis diagnosis) {
        return switch (diagnosis) {
            case IBM -> 0.33;
            case OVERLAP -> 0.8;
            case ASYS -> 0.7;
            case DM, JDM -> 0.67;
            default -> 0.6;
        };
    }

    private static double ildShare(Diagnosis diagnosis, Set<Antibody> positive, boolean synthetase) {
        if (synthetase || positive.contains(Antibody.MDA5)) {
            return diagnosis == Diagnosis.JDM ? 0.5 : 0.88;
        }
        return switch (diagnosis) {
            case OVERLAP -> 0.3;
            case DM, PM, IMNM -> 0.08;
            default -> 0.0;
        };
    }

    /** Adds the panel results, positive where the subgroup's usual antibodies are; returns the positive ones. */
    private static Set<Antibody> serology(Random rng, Archetype archetype, Diagnosis diagnosis,
                                          LocalDate diagnosisDate, List<AutoantibodyEntry> results) {
        Set<Antibody> positive = EnumSet.noneOf(Antibody.class);
        switch (diagnosis) {
            case DM -> pickPositive(rng, positive, 0.15, new Antibody[] {Antibody.MI2, Antibody.TIF1G,
                    Antibody.NXP2, Antibody.MDA5, Antibody.SAE}, new double[] {0.25, 0.3, 0.2, 0.15, 0.1});
            case JDM -> pickPositive(rng, positive, 0.15, new Antibody[] {Antibody.TIF1G, Antibody.NXP2,
                    Antibody.MI2, Antibody.MDA5}, new double[] {0.4, 0.35, 0.12, 0.13});
            case CADM -> positive.add(Antibody.MDA5);
            case ASYS -> {
                pickPositive(rng, positive, 0, new Antibody[] {Antibody.JO1, Antibody.PL7, Antibody.PL12},
                        new double[] {0.6, 0.2, 0.2});
                if (rng.nextDouble() < 0.5) {
                    positive.add(Antibody.RO52);
                }
            }
            case IMNM -> positive.add(archetype != Archetype.STATIN_EXPOSED_HMGCR && rng.nextBoolean()
                    ? Antibody.SRP : Antibody.HMGCR);
            case OVERLAP -> pickPositive(rng, positive, 0, new Antibody[] {Antibody.PMSCL75, Antibody.PMSCL100,
                    Antibody.KU, Antibody.U1RNP}, new double[] {0.3, 0.2, 0.2, 0.3});
            case IBM -> {
                if (rng.nextDouble() < 0.35) {
                    positive.add(Antibody.CN1A);
                }
            }
            default -> {
                // Polymyositis and unclassified myositis: the panel is negative.
            }
        }
        List<Antibody> tested = new ArrayList<>(LINE_BLOT);
        if (diagnosis == Diagnosis.IMNM || diagnosis == Diagnosis.PM || diagnosis == Diagnosis.IBM) {
            tested.add(Antibody.HMGCR);
        }
        if (diagnosis == Diagnosis.IBM || diagnosis == Diagnosis.PM) {
            tested.add(Antibody.CN1A);
        }
        if (diagnosis == Diagnosis.OVERLAP) {
            tested.add(Antibody.U1RNP);
        }
        LocalDate testDate = diagnosisDate.minusDays(rng.nextInt(21));
        for (Antibody antibody : tested) {
            results.add(new AutoantibodyEntry(antibody,
                    positive.contains(antibody) ? AntibodyResult.POSITIVE : AntibodyResult.NEGATIVE, testDate));
        }
        return positive;
    }

    private static void pickPositive(Random rng, Set<Antibody> positive, double seronegative, Antibody[] antibodies,
                                     double[] weights) {
        if (rng.nextDouble() < seronegative) {
            return;
        }
        double draw = rng.nextDouble();
        for (int i = 0; i < antibodies.length; i++) {
            draw -= weights[i];
            if (draw < 0 || i == antibodies.length - 1) {
                positive.add(antibodies[i]);
                return;
            }
        }
    }

    /** The diagnostic MRI, biopsy and EMG, each between symptom onset and diagnosis. */
    private static List<InvestigationRequest> diagnosticWorkUp(Random rng, Archetype archetype, Diagnosis diagnosis,
                                                               LocalDate diagnosisDate) {
        List<InvestigationRequest> workUp = new ArrayList<>();
        LocalDate mriDate = diagnosisDate.minusDays(between(rng, 12, 30));
        double mriShare = diagnosis == Diagnosis.CADM ? 0.5 : diagnosis == Diagnosis.JDM ? 0.9 : 0.8;
        if (archetype == Archetype.BIOPSY_WITHOUT_INFLAMMATION || rng.nextDouble() < mriShare) {
            Set<Finding> findings = switch (diagnosis) {
                case CADM -> EnumSet.of(rng.nextDouble() < 0.7 ? Finding.NORMAL : Finding.MUSCLE_EDEMA);
                case IBM -> rng.nextDouble() < 0.4
                        ? EnumSet.of(Finding.MUSCLE_EDEMA, Finding.FATTY_REPLACEMENT, Finding.ATROPHY)
                        : EnumSet.of(Finding.FATTY_REPLACEMENT, Finding.ATROPHY);
                case IMNM -> rng.nextBoolean() ? EnumSet.of(Finding.MUSCLE_EDEMA, Finding.FATTY_REPLACEMENT)
                        : EnumSet.of(Finding.MUSCLE_EDEMA);
                default -> archetype == Archetype.BIOPSY_WITHOUT_INFLAMMATION
                        ? EnumSet.of(Finding.MUSCLE_EDEMA, Finding.FATTY_REPLACEMENT)
                        : EnumSet.of(Finding.MUSCLE_EDEMA);
            };
            workUp.add(new InvestigationRequest(mriDate, InvestigationType.MRI, findings, null, null));
        }
        double biopsyShare = switch (diagnosis) {
            case CADM -> 0.0;
            case JDM -> 0.4;
            case IBM, PM -> 1.0;
            default -> 0.85;
        };
        if (rng.nextDouble() < biopsyShare) {
            Set<Finding> findings = biopsyFindings(rng, archetype, diagnosis);
            // MRI-guided: the biopsy follows the MRI by a few days.
            workUp.add(new InvestigationRequest(mriDate.plusDays(between(rng, 3, 9)), InvestigationType.BIOPSY,
                    findings, null, null));
        }
        double emgShare = switch (diagnosis) {
            case JDM -> 0.1;
            case CADM -> 0.4;
            case IBM, PM -> 1.0;
            default -> 0.7;
        };
        if (rng.nextDouble() < emgShare) {
            Set<Finding> findings = switch (diagnosis) {
                case CADM -> EnumSet.of(Finding.NORMAL);
                // Mixed myopathic and neurogenic potentials hint at IBM; in a refractory patient they ask for the
                // diagnosis to be re-evaluated (R9c), so only the stories whose diagnosis is in doubt show them.
                case IBM, PM -> rng.nextDouble() < (diagnosis == Diagnosis.IBM ? 0.6 : 0.2) && DIAGNOSIS_IN_DOUBT
                        .contains(archetype) ? EnumSet.of(Finding.MYOPATHIC, Finding.NEUROGENIC)
                        : EnumSet.of(Finding.MYOPATHIC);
                default -> EnumSet.of(Finding.MYOPATHIC);
            };
            workUp.add(new InvestigationRequest(diagnosisDate.minusDays(between(rng, 1, 25)), InvestigationType.EMG,
                    findings, null, null));
        }
        return workUp;
    }

    private static Set<Finding> biopsyFindings(Random rng, Archetype archetype, Diagnosis diagnosis) {
        if (archetype == Archetype.BIOPSY_WITHOUT_INFLAMMATION) {
            return rng.nextDouble() < 0.6 ? EnumSet.of(Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC)
                    : EnumSet.of(Finding.NONSPECIFIC_MYOPATHIC);
        }
        Set<Finding> findings = switch (diagnosis) {
            case DM, JDM -> EnumSet.of(Finding.PERIFASCICULAR_ATROPHY, Finding.INFLAMMATORY_INFILTRATES);
            case IMNM -> EnumSet.of(Finding.NECROSIS);
            case ASYS -> EnumSet.of(Finding.INFLAMMATORY_INFILTRATES, Finding.NECROSIS);
            case IBM -> EnumSet.of(Finding.RIMMED_VACUOLES, Finding.INFLAMMATORY_INFILTRATES);
            default -> EnumSet.of(Finding.INFLAMMATORY_INFILTRATES);
        };
        if (rng.nextDouble() < 0.6) {
            findings.add(Finding.MHC1_UPREGULATION);
        }
        return findings;
    }

    /**
     * Body weight at each visit of a child (registry rule R6 doses per kg): a weight-for-age curve, kept on the child's
     * own centile, rounded to 0.1 kg.
     */
    private static void weighChild(Random rng, LocalDate birthDate, LocalDate firstVisit, int[] days,
                                   List<Measures> measures) {
        double centile = 0.88 + 0.24 * rng.nextDouble();
        for (int k = 0; k < days.length; k++) {
            double age = ChronoUnit.DAYS.between(birthDate, firstVisit.plusDays(days[k])) / 365.25;
            measures.get(k).bodyWeightKg = Measures.tenth(centile * weightForAge(age) + gauss(rng, 0.3), 300);
        }
    }

    /** Median weight in kg at {@code age} years, interpolated (WHO/CDC growth charts, both sexes, rounded). */
    private static double weightForAge(double age) {
        double[] ages = {2, 5, 8, 10, 12, 14, 16, 18, 25};
        double[] kilograms = {12, 18, 25, 32, 40, 50, 57, 62, 66};
        if (age <= ages[0]) {
            return kilograms[0];
        }
        for (int i = 1; i < ages.length; i++) {
            if (age <= ages[i]) {
                double share = (age - ages[i - 1]) / (ages[i] - ages[i - 1]);
                return kilograms[i - 1] + share * (kilograms[i] - kilograms[i - 1]);
            }
        }
        return kilograms[kilograms.length - 1];
    }

    /** Turns shaped core-set values into the visit a clinic would submit, with damage and quality-of-life measures. */
    private static VisitRequest render(Random rng, LocalDate date, Measures m, boolean first, boolean juvenile,
                                       int mmt8Max, Laboratory lab) {
        double strength = m.mmt8 / (double) mmt8Max;
        Double sf36Pcs = juvenile ? null : Measures.tenth(58 - 9 * m.haq - 0.8 * m.physicianGlobal + gauss(rng, 2), 100);
        Double sf36Mcs = juvenile ? null : Measures.tenth(52 - m.patientGlobal + gauss(rng, 3), 100);
        // The Functional Index is validated in adults; children carry the CMAS instead.
        Double functionalIndex = juvenile ? null
                : Measures.tenth(100 * Math.pow(strength, 3) + gauss(rng, 3), 100);
        return new VisitRequest(date, m.physicianGlobal, m.patientGlobal, m.recordsMmt8 ? m.mmt8 : null,
                m.recordsMmt8 ? mmt8Max : null, m.cmas, m.haq,
                m.extramuscular, lab.enzymes(rng, m.ckTimesUln, first),
                Measures.tenth(m.damage * 8 + gauss(rng, 0.2), 10),
                Measures.tenth(m.damage * 8 + 0.5 + gauss(rng, 0.5), 10),
                (int) Math.min(38, Math.round(m.damage * 14)),
                Math.round(Math.min(110, m.damage * 35 + Math.abs(gauss(rng, 0.5))) * 10) / 10.0,
                sf36Pcs, sf36Mcs, functionalIndex, m.bodyWeightKg, m.cdasiActivity, m.dysphagia,
                m.fingerFlexorWeakness, m.quadricepsWeakness, m.note, null);
    }

    private static double gauss(Random rng, double sd) {
        return Math.max(-2, Math.min(2, rng.nextGaussian())) * sd;
    }

    private static int between(Random rng, int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    /** SplitMix64 finaliser: turns (seed, salt) into well-spread, independent seeds for {@link Random}. */
    static long mix(long seed, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One site's laboratory: limits of normal and enzymes reported; CK is always the most abnormal (TIS enzyme). */
    private static final class Laboratory {
        private final double ckUln;
        private final double altUln;
        private final Set<EnzymeTest> extras = EnumSet.noneOf(EnzymeTest.class);

        Laboratory(Random rng, int site) {
            ckUln = site % 2 == 0 ? 200 : 170;
            altUln = site % 2 == 0 ? 45 : 35;
            if (rng.nextDouble() < 0.5) {
                extras.add(EnzymeTest.ALDOLASE);
            }
            if (rng.nextDouble() < 0.5) {
                extras.add(EnzymeTest.LDH);
            }
            if (rng.nextDouble() < 0.6) {
                extras.add(EnzymeTest.AST);
                extras.add(EnzymeTest.ALT);
            }
        }

        List<EnzymeEntry> enzymes(Random rng, double ckTimesUln, boolean fullPanel) {
            List<EnzymeEntry> entries = new ArrayList<>();
            entries.add(new EnzymeEntry(EnzymeTest.CK, (double) Math.round(ckTimesUln * ckUln), ckUln, "U/L"));
            for (EnzymeTest test : extras) {
                if (!fullPanel && rng.nextDouble() >= 0.35) {
                    continue;
                }
                // Below CK in multiples of its limit: within normal when CK is, modestly raised when CK is high.
                double times = ckTimesUln <= 1 ? ckTimesUln * (0.6 + 0.35 * rng.nextDouble())
                        : 1 + (ckTimesUln - 1) * (0.1 + 0.35 * rng.nextDouble());
                entries.add(switch (test) {
                    case ALDOLASE -> new EnzymeEntry(test, Math.floor(times * 7.6 * 10) / 10.0, 7.6, "U/L");
                    case LDH -> new EnzymeEntry(test, Math.floor(times * 250), 250.0, "U/L");
                    case AST -> new EnzymeEntry(test, Math.floor(times * 40), 40.0, "U/L");
                    case ALT -> new EnzymeEntry(test, Math.floor(times * altUln), altUln, "U/L");
                    case CK -> throw new IllegalStateException("CK is reported first");
                });
            }
            return entries;
        }
    }
}
