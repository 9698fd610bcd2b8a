package org.myotrack.investigation;

/** The investigations of the refractory work-up (clinical.md §2). */
public enum InvestigationType { MRI, BIOPSY, EMG }
