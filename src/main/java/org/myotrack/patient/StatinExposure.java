package org.myotrack.patient;

/** Whether the patient ever took a statin (clinical-v2.md R10): anti-HMGCR myopathy is often statin-triggered. */
public enum StatinExposure { NEVER, PAST, CURRENT, UNKNOWN }
