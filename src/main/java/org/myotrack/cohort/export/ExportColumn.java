package org.myotrack.cohort.export;

import java.util.function.Function;

/**
 * One column of the CSV exports, described for the dictionary and read from the exported record.
 *
 * @param type   {@code string}, {@code integer}, {@code decimal}, {@code boolean}, {@code date} or {@code code}
 * @param unit   unit of a number; null where none applies
 * @param range  allowed values or range as a reader checks them
 * @param source where the value comes from: the published instrument, the registry vocabulary or computation
 */
public record ExportColumn<T>(String name, String type, String unit, String range, String meaning, String source,
                              Function<T, Object> value) {
}
