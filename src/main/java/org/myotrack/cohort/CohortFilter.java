package org.myotrack.cohort;

import jakarta.ws.rs.QueryParam;
import org.myotrack.common.ProblemException;
import org.myotrack.common.QueryDates;
import org.myotrack.common.QueryEnums;
import org.myotrack.common.Violation;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.Diagnosis;
import org.myotrack.refractory.FlagCode;
import org.myotrack.therapy.Drug;

import java.time.LocalDate;
import java.util.List;

/**
 * The cohort filters shared by cohort queries, exports and cohort charts, as query parameters. Unknown values
 * are refused with 400 naming the parameter and the allowed values, never silently ignored.
 */
public class CohortFilter {

    @QueryParam("diagnosis")
    public String diagnosis;

    @QueryParam("antibody")
    public String antibody;

    @QueryParam("site")
    public String site;

    @QueryParam("refractory")
    public String refractory;

    @QueryParam("flag")
    public String flag;

    @QueryParam("drug")
    public String drug;

    /** Patients with a visit on or after this date. */
    @QueryParam("from")
    public String from;

    /** Patients with a visit on or before this date. */
    @QueryParam("to")
    public String to;

    /** The filter with every parameter parsed and checked. */
    public CohortCriteria criteria() {
        Boolean refractoryValue = null;
        if (refractory != null && !refractory.isBlank()) {
            if (!refractory.equals("true") && !refractory.equals("false")) {
                throw ProblemException.invalid(List.of(new Violation("refractory", "must be true or false")));
            }
            refractoryValue = Boolean.valueOf(refractory);
        }
        LocalDate fromDate = QueryDates.parse("from", from);
        LocalDate toDate = QueryDates.parse("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.invalid(List.of(new Violation("to", "must be on or after from " + fromDate)));
        }
        return new CohortCriteria(QueryEnums.parse("diagnosis", diagnosis, Diagnosis.class),
                QueryEnums.parse("antibody", antibody, Antibody.class),
                site == null || site.isBlank() ? null : site.strip(),
                refractoryValue,
                QueryEnums.parse("flag", flag, FlagCode.class),
                QueryEnums.parse("drug", drug, Drug.class),
                fromDate, toDate);
    }
}
