package org.myotrack.importing;

import java.util.List;
import java.util.Map;

/** One row of an uploaded file: its number as a spreadsheet shows it (the header is row 1) and its cells by column. */
final class CsvRow {

    private final int number;
    private final String[] cells;
    private final List<String> columns;
    private final Map<String, Integer> positions;

    /** {@code columns} are the header's names in order, {@code positions} each name's index. */
    CsvRow(int number, String[] cells, List<String> columns, Map<String, Integer> positions) {
        this.number = number;
        this.cells = cells;
        this.columns = columns;
        this.positions = positions;
    }

    int number() {
        return number;
    }

    int width() {
        return cells.length;
    }

    /** The first column whose cell holds the character, or null when none does. */
    String firstColumnHolding(char character) {
        for (int i = 0; i < Math.min(cells.length, columns.size()); i++) {
            if (cells[i].indexOf(character) >= 0) {
                return columns.get(i);
            }
        }
        return null;
    }

    /** The cell as sent, or null when it is empty or the file has no such column: an empty cell is no value. */
    String cell(String column) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.length || cells[position].isEmpty()) {
            return null;
        }
        return cells[position];
    }
}
