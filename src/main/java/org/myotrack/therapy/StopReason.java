package org.myotrack.therapy;

/** Why a therapy ended (clinical.md §3). */
public enum StopReason { INEFFICACY, INTOLERANCE, REMISSION, OTHER }
