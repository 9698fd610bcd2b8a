package org.myotrack.web;

import org.myotrack.refractory.FlagCode;

import java.util.Locale;

/** A flag as a badge: its code, a readable name, and its kind for the badge's colour. */
public record FlagBadge(String code, String label, String kind) {

    static FlagBadge of(FlagCode code) {
        return new FlagBadge(code.name(), code.label(), code.kind().name().toLowerCase(Locale.ROOT));
    }
}
