package org.myotrack.scoring;

/**
 * What a visit records beside the core set that the rules of version 2 read (clinical-v2.md, "New inputs"); every
 * value may be absent, which means not recorded (unknown), never "no".
 *
 * @param bodyWeightKg         body weight, for glucocorticoid doses per kilogram (R6)
 * @param cdasiActivity        CDASI activity score 0–100, for skin-predominant dermatomyositis (R1b)
 * @param dysphagia            difficulty swallowing (R7, supporting IBM feature S3)
 * @param fingerFlexorWeakness finger flexion weaker than shoulder abduction (ENMC 2011 FF &gt; SA; R7 S1)
 * @param quadricepsWeakness   knee extension weakness at least that of hip flexion (ENMC 2011 KE ≥ HF; R7 S1)
 */
public record VisitSigns(Double bodyWeightKg, Integer cdasiActivity, Boolean dysphagia, Boolean fingerFlexorWeakness,
                         Boolean quadricepsWeakness) {

    /** A visit that recorded none of them. */
    public static final VisitSigns NONE = new VisitSigns(null, null, null, null, null);
}
