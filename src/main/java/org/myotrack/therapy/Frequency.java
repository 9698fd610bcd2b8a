package org.myotrack.therapy;

/** How often a dose is given. */
public enum Frequency { DAILY, TWICE_DAILY, WEEKLY, TWICE_WEEKLY, EVERY_2_WEEKS, EVERY_4_WEEKS, MONTHLY, EVERY_6_MONTHS, ONCE }
