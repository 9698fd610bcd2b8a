package org.myotrack.therapy;

/** Unit of a therapy dose. */
public enum DoseUnit { MG, G, MG_PER_KG, G_PER_KG, MG_PER_M2, UNITS }
