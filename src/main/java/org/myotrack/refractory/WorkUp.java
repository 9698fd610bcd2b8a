package org.myotrack.refractory;

import java.util.List;

/**
 * R8 (clinical-v2.md; Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762): before a patient is called
 * refractory and the therapy changed, activity is told from damage and the diagnosis is re-checked.
 */
final class WorkUp {

    /** The steps, in the order the literature asks. */
    static final List<String> STEPS = List.of(
            "confirm activity versus damage (MRI for oedema, enzymes, extramuscular signs)",
            "re-check the diagnosis (biopsy review, myositis antibodies, EMG)",
            "then change therapy");

    /** The fixed sentence every refractory flag's message ends with (R8). */
    static final String SENTENCE = "Work-up (Lundberg 2021): 1. " + STEPS.get(0) + "; 2. " + STEPS.get(1) + "; 3. "
            + STEPS.get(2) + ".";

    private WorkUp() {
    }
}
