package org.myotrack.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One refusal in an uploaded file: the row as a spreadsheet numbers it (the header is row 1), the column (absent when
 * the whole row is refused), the cell as it was sent (absent when empty) and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowViolation(int row, String column, String value, String message) {
}
