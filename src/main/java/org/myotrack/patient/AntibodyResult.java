package org.myotrack.patient;

/** Outcome of one autoantibody test. */
public enum AntibodyResult { POSITIVE, NEGATIVE, EQUIVOCAL }
