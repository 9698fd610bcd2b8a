package org.myotrack.scoring;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The 2016 ACR/EULAR Total Improvement Score of a follow-up visit against a baseline visit (clinical.md §4).
 *
 * <p>Sources: Aggarwal et al., Arthritis Rheumatol 2017;69:898–910 (adult DM/PM) and Rider et al., Arthritis
 * Rheumatol 2017;69:911–923 (JDM); one weight table serves both, the response thresholds differ.
 */
public final class TotalImprovementScore {

    // Full ranges of the fixed-range measures: 10 cm VAS, HAQ/CHAQ 0–3 (clinical.md §2; Aggarwal 2017)
    private static final double VISUAL_ANALOGUE_SCALE_CM = 10;
    private static final double HAQ_RANGE = 3;

    // Upper edges of the bands, x ≤ edge stays below it (Aggarwal et al., Arthritis Rheumatol 2017;69:898–910)
    private static final double[] BAND_EDGES = {5, 15, 25, 40};
    // MMT-8/CMAS band edges (Aggarwal et al., Arthritis Rheumatol 2017;69:898–910)
    private static final double[] MUSCLE_STRENGTH_BAND_EDGES = {2, 10, 20, 30};

    private static final Map<ScoreComponent, double[]> POINTS_BY_BAND = new EnumMap<>(ScoreComponent.class);

    static {
        // Points per band, lowest band first (Aggarwal et al., Arthritis Rheumatol 2017;69:898–910)
        POINTS_BY_BAND.put(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, new double[] {0, 7.5, 15, 17.5, 20});
        // Aggarwal et al., Arthritis Rheumatol 2017;69:898–910
        POINTS_BY_BAND.put(ScoreComponent.PATIENT_GLOBAL_ACTIVITY, new double[] {0, 2.5, 5, 7.5, 10});
        // Aggarwal et al., Arthritis Rheumatol 2017;69:898–910
        POINTS_BY_BAND.put(ScoreComponent.MUSCLE_STRENGTH, new double[] {0, 10, 20, 27.5, 32.5});
        // Aggarwal et al., Arthritis Rheumatol 2017;69:898–910
        POINTS_BY_BAND.put(ScoreComponent.PHYSICAL_FUNCTION, new double[] {0, 5, 7.5, 7.5, 10});
        // Aggarwal et al., Arthritis Rheumatol 2017;69:898–910
        POINTS_BY_BAND.put(ScoreComponent.ENZYME, new double[] {0, 2.5, 5, 7.5, 7.5});
        // Aggarwal et al., Arthritis Rheumatol 2017;69:898–910
        POINTS_BY_BAND.put(ScoreComponent.EXTRAMUSCULAR_ACTIVITY, new double[] {0, 7.5, 12.5, 15, 20});
    }

    // Adult DM/PM thresholds (Aggarwal et al., Arthritis Rheumatol 2017;69:898–910)
    private static final double ADULT_MINIMAL = 20;
    private static final double ADULT_MODERATE = 40;
    private static final double ADULT_MAJOR = 60;
    // Juvenile DM thresholds (Rider et al., Arthritis Rheumatol 2017;69:911–923)
    private static final double JUVENILE_MINIMAL = 30;
    private static final double JUVENILE_MODERATE = 45;
    private static final double JUVENILE_MAJOR = 70;

    private TotalImprovementScore() {
    }

    /**
     * Scores follow-up against baseline. A measure missing at either visit scores 0 and makes the response
     * {@code INCOMPLETE}, with the partial sum as a lower bound, never a response category. The score and points are
     * always computed; a complete score in a subgroup where the TIS is not validated is {@code NOT_VALIDATED} (R5).
     *
     * @param criteria the thresholds the patient's score is read against ({@link ResponseCriteria#of})
     */
    public static TotalImprovementScoreResult score(CoreSetMeasures baseline, CoreSetMeasures followUp,
                                                    ResponseCriteria criteria) {
        Map<ScoreComponent, OptionalDouble> improvements = new EnumMap<>(ScoreComponent.class);
        improvements.put(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY,
                visualAnalogueImprovement(baseline.physicianGlobalActivity(), followUp.physicianGlobalActivity()));
        improvements.put(ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                visualAnalogueImprovement(baseline.patientGlobalActivity(), followUp.patientGlobalActivity()));
        improvements.put(ScoreComponent.MUSCLE_STRENGTH, MuscleStrengthComparison.select(baseline, followUp)
                .map(strength -> OptionalDouble.of(strength.absoluteImprovement()))
                .orElse(OptionalDouble.empty()));
        improvements.put(ScoreComponent.PHYSICAL_FUNCTION, baseline.haq() == null || followUp.haq() == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(PercentChange.absoluteImprovementLowerIsBetter(baseline.haq(), followUp.haq(), HAQ_RANGE)));
        improvements.put(ScoreComponent.ENZYME, PercentChange.enzymeImprovement(baseline.enzymes(), followUp.enzymes()));
        improvements.put(ScoreComponent.EXTRAMUSCULAR_ACTIVITY,
                visualAnalogueImprovement(baseline.extramuscularActivity(), followUp.extramuscularActivity()));

        Map<ScoreComponent, ComponentScore> components = new EnumMap<>(ScoreComponent.class);
        double tis = 0;
        boolean complete = true;
        for (Map.Entry<ScoreComponent, OptionalDouble> entry : improvements.entrySet()) {
            OptionalDouble improvement = entry.getValue();
            if (improvement.isEmpty()) {
                components.put(entry.getKey(), ComponentScore.missing());
                complete = false;
                continue;
            }
            double points = points(entry.getKey(), improvement.getAsDouble());
            components.put(entry.getKey(), ComponentScore.scored(improvement.getAsDouble(), points));
            tis += points;
        }
        ResponseCategory response = complete ? category(tis, criteria) : ResponseCategory.INCOMPLETE;
        return new TotalImprovementScoreResult(tis, response, components);
    }

    /** Points a measure earns for a percent improvement; worsening falls in the lowest band and scores 0. */
    public static double points(ScoreComponent component, double percentImprovement) {
        double[] edges = component == ScoreComponent.MUSCLE_STRENGTH ? MUSCLE_STRENGTH_BAND_EDGES : BAND_EDGES;
        int band = 0;
        while (band < edges.length && percentImprovement > edges[band]) {
            band++;
        }
        return POINTS_BY_BAND.get(component)[band];
    }

    /** The response category of a complete score, with the adult or the juvenile thresholds, or NOT_VALIDATED (R5). */
    public static ResponseCategory category(double tis, ResponseCriteria criteria) {
        if (!criteria.validated()) {
            return ResponseCategory.NOT_VALIDATED;
        }
        boolean juvenile = criteria == ResponseCriteria.JUVENILE;
        double minimal = juvenile ? JUVENILE_MINIMAL : ADULT_MINIMAL;
        double moderate = juvenile ? JUVENILE_MODERATE : ADULT_MODERATE;
        double major = juvenile ? JUVENILE_MAJOR : ADULT_MAJOR;
        if (tis >= major) {
            return ResponseCategory.MAJOR;
        }
        if (tis >= moderate) {
            return ResponseCategory.MODERATE;
        }
        if (tis >= minimal) {
            return ResponseCategory.MINIMAL;
        }
        return ResponseCategory.NONE;
    }

    private static OptionalDouble visualAnalogueImprovement(Double baseline, Double followUp) {
        if (baseline == null || followUp == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(PercentChange.absoluteImprovementLowerIsBetter(baseline, followUp, VISUAL_ANALOGUE_SCALE_CM));
    }
}
