package org.myotrack.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic trend chart inputs for the tests: an adult DM course from diagnosis to third-line therapy. */
final class TrendExamples {

    static final LocalDate DIAGNOSIS = LocalDate.of(2019, 2, 1);

    private TrendExamples() {
    }

    /** Visits every few weeks over about five years, improving slowly with a flare in the middle. */
    static TrendChartData course(int visitCount) {
        List<TrendVisit> visits = new ArrayList<>();
        String[] responses = {"NONE", "MINIMAL", "MODERATE", "MAJOR", "INCOMPLETE"};
        long spanDays = 5L * 365;
        for (int i = 0; i < visitCount; i++) {
            double progress = visitCount == 1 ? 0 : (double) i / (visitCount - 1);
            LocalDate date = DIAGNOSIS.plusDays(Math.round(progress * spanDays));
            double flare = Math.exp(-Math.pow((progress - 0.45) / 0.08, 2));
            double ck = 40 * Math.pow(0.02, progress) * (1 + 6 * flare);
            double mmt = 55 + 38 * progress - 15 * flare;
            double global = 7 - 5 * progress + 3 * flare;
            double haq = Math.round((1.9 - 1.3 * progress + 0.6 * flare) * 8) / 8.0;
            String response = i == 0 ? null : responses[Math.min(4, (int) (progress * 4.2)) % 5];
            visits.add(new TrendVisit(date, ck, mmt, "MMT-8", global, haq, i % 7 == 5 ? "INCOMPLETE" : response));
        }
        LocalDate end = DIAGNOSIS.plusYears(5);
        List<DrugPeriod> drugs = List.of(
                new DrugPeriod("PREDNISONE", DIAGNOSIS, DIAGNOSIS.plusDays(41), "60 mg daily"),
                new DrugPeriod("PREDNISONE", DIAGNOSIS.plusDays(42), DIAGNOSIS.plusDays(97), "40 mg daily"),
                new DrugPeriod("PREDNISONE", DIAGNOSIS.plusDays(98), DIAGNOSIS.plusDays(300), "20 mg daily"),
                new DrugPeriod("PREDNISONE", DIAGNOSIS.plusDays(301), DIAGNOSIS.plusDays(900), "10 mg daily"),
                new DrugPeriod("PREDNISONE", DIAGNOSIS.plusDays(901), end, "5 mg daily"),
                new DrugPeriod("METHOTREXATE", DIAGNOSIS.plusDays(14), DIAGNOSIS.plusDays(200), "15 mg weekly"),
                new DrugPeriod("METHOTREXATE", DIAGNOSIS.plusDays(201), DIAGNOSIS.plusDays(560), "25 mg weekly"),
                new DrugPeriod("MYCOPHENOLATE", DIAGNOSIS.plusDays(561), end, "2 g daily"),
                new DrugPeriod("IVIG", DIAGNOSIS.plusDays(700), DIAGNOSIS.plusDays(1100), "2 g/kg every 4 weeks"),
                new DrugPeriod("RITUXIMAB", DIAGNOSIS.plusDays(1000), DIAGNOSIS.plusDays(1014), "1 g x2"));
        List<DoseStep> prednisone = List.of(
                new DoseStep(DIAGNOSIS, DIAGNOSIS.plusDays(41), 60),
                new DoseStep(DIAGNOSIS.plusDays(42), DIAGNOSIS.plusDays(97), 40),
                new DoseStep(DIAGNOSIS.plusDays(98), DIAGNOSIS.plusDays(300), 20),
                new DoseStep(DIAGNOSIS.plusDays(301), DIAGNOSIS.plusDays(900), 10),
                new DoseStep(DIAGNOSIS.plusDays(901), end, 5));
        List<FlagOnset> flags = List.of(
                new FlagOnset(DIAGNOSIS.plusDays(183), "GLUCOCORTICOID_DEPENDENCE"),
                new FlagOnset(DIAGNOSIS.plusDays(560), "INADEQUATE_RESPONSE"),
                new FlagOnset(DIAGNOSIS.plusDays(600), "CONFIRMED_WORSENING"),
                new FlagOnset(DIAGNOSIS.plusDays(1100), "MULTIPLE_AGENT_FAILURE"));
        return new TrendChartData("P000123 · DM · anti-TIF1γ", false, DIAGNOSIS, end, visits, drugs, prednisone,
                flags);
    }
}
