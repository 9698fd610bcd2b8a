package org.myotrack.therapy;

/** Route of administration. */
public enum Route { ORAL, IV, SC, IM, TOPICAL }
