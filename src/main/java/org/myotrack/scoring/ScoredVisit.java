package org.myotrack.scoring;

import java.time.LocalDate;

/** One visit as the scores read it: its id, its date and its core-set measures. */
public record ScoredVisit(long id, LocalDate date, CoreSetMeasures measures) {
}
