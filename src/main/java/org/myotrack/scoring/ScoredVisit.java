package org.myotrack.scoring;

import java.time.LocalDate;
import java.util.Objects;

/** One visit as the scores and rules read it: its id, its date, its core-set measures and its other signs. */
public record ScoredVisit(long id, LocalDate date, CoreSetMeasures measures, VisitSigns signs) {

    public ScoredVisit {
        Objects.requireNonNull(measures, "measures");
        signs = signs == null ? VisitSigns.NONE : signs;
    }

    /** A visit that recorded the core set only. */
    public ScoredVisit(long id, LocalDate date, CoreSetMeasures measures) {
        this(id, date, measures, VisitSigns.NONE);
    }
}
