package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;

import java.time.LocalDate;
import java.util.Set;

/** An investigation as the rules read it. */
public record InvestigationRecord(long id, LocalDate date, InvestigationType type, Set<Finding> findings) {
}
