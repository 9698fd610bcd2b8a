package org.myotrack.refractory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** A flag as stored for cohort queries: its code and since when it holds. */
@Embeddable
public class StoredFlag {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public FlagCode code;

    @Column(nullable = false)
    public LocalDate since;

    public StoredFlag() {
    }

    public StoredFlag(FlagCode code, LocalDate since) {
        this.code = code;
        this.since = since;
    }
}
