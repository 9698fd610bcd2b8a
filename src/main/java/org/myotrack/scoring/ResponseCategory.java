package org.myotrack.scoring;

/** Response category of a Total Improvement Score; {@code INCOMPLETE} when a measure is missing at either visit. */
public enum ResponseCategory { NONE, MINIMAL, MODERATE, MAJOR, INCOMPLETE }
