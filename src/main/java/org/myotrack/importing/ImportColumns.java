package org.myotrack.importing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns an import takes, spelt exactly as the API names the fields: all of them in the order refusals list
 * them, those a file must have, and the patient identifiers of which it must have at least one.
 */
record ImportColumns(List<String> known, List<String> required, List<String> identifying) {

    ImportColumns {
        known = List.copyOf(known);
        required = List.copyOf(required);
        identifying = List.copyOf(identifying);
    }

    /** The start of a header row that would be accepted: the first identifier, then the other columns in order. */
    String example() {
        return Stream.concat(Stream.of(identifying.get(0)), known.stream().filter(column -> !identifying.contains(column)))
                .limit(5).collect(Collectors.joining(","));
    }

    /** Why a column name is refused: a near miss in letter case is named, since names are case-sensitive. */
    String unknownMessage(String name) {
        for (String column : known) {
            if (column.equalsIgnoreCase(name)) {
                return "is not a known column; did you mean " + column + "? Column names are case-sensitive";
            }
        }
        return "is not a known column; allowed: " + String.join(", ", known);
    }
}
