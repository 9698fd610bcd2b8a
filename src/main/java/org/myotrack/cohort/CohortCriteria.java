package org.myotrack.cohort;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.FlagCode;
import org.myotrack.therapy.Drug;

import java.time.LocalDate;

/**
 * A checked cohort filter; every part is optional. {@code antibody} selects patients whose latest result for
 * it is positive; {@code drug} patients ever given it; {@code from}/{@code to} patients with a visit in that span.
 */
public record CohortCriteria(Diagnosis diagnosis, Antibody antibody, String siteCode, Boolean refractory,
                             FlagCode flag, Drug drug, LocalDate from, LocalDate to) {

    public static CohortCriteria all() {
        return new CohortCriteria(null, null, null, null, null, null, null, null);
    }
}
