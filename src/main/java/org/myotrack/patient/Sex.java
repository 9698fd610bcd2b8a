package org.myotrack.patient;

/** Administrative sex as recorded by the clinic. */
public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }
