package org.myotrack.scoring;

/** The three routes by which the IMACS definition of worsening can be met (Oddis et al., Arthritis Rheum 2005). */
public enum WorseningRoute {
    /** Physician global worse by ≥ 2 cm and muscle strength worse by ≥ 20 %. */
    GLOBAL_AND_STRENGTH,
    /** Extramuscular global worse by ≥ 2 cm. */
    EXTRAMUSCULAR,
    /** Any 3 of the 5 non-enzyme measures worse by ≥ 30 %. */
    THREE_MEASURES
}
