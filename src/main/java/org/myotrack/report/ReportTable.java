package org.myotrack.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A full-width table with wrapping cells that continues across pages, repeating its header on each. */
final class ReportTable {

    /** One column: its header and its share of the text width. */
    record Column(String header, float weight) {
    }

    private static final String ELLIPSIS = "…";

    private final List<Column> columns;
    private final float[] widths;

    ReportTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
        float totalWeight = 0;
        for (Column column : columns) {
            totalWeight += column.weight();
        }
        widths = new float[columns.size()];
        for (int index = 0; index < widths.length; index++) {
            widths[index] = ReportLayout.TEXT_WIDTH * columns.get(index).weight() / totalWeight;
        }
    }

    /** Draws the header and every row; a row never splits, it moves to the next page under a repeated header. */
    void draw(PageFlow flow, List<List<String>> rows) throws IOException {
        List<List<String>> headerCells = wrapCells(flow, columns.stream().map(Column::header).toList());
        float headerHeight = rowHeight(headerCells);
        float lineHeight = PageFlow.lineHeight(ReportLayout.TABLE_SIZE);
        int maxLinesPerRow = (int) ((PageFlow.pageContentHeight() - headerHeight - 2 * ReportLayout.CELL_PADDING)
                / lineHeight);

        List<List<List<String>>> wrappedRows = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            wrappedRows.add(truncate(wrapCells(flow, row), maxLinesPerRow));
        }
        // Keep the header with at least the first row so a page never ends on a lone header.
        float firstRowHeight = wrappedRows.isEmpty() ? 0 : rowHeight(wrappedRows.get(0));
        flow.ensureSpace(headerHeight + firstRowHeight);
        drawRow(flow, headerCells, true, false);
        for (int index = 0; index < wrappedRows.size(); index++) {
            List<List<String>> cells = wrappedRows.get(index);
            if (!flow.fits(rowHeight(cells))) {
                flow.newPage();
                drawRow(flow, headerCells, true, false);
            }
            drawRow(flow, cells, false, index % 2 == 1);
        }
    }

    private List<List<String>> wrapCells(PageFlow flow, List<String> values) {
        List<List<String>> cells = new ArrayList<>(columns.size());
        for (int index = 0; index < columns.size(); index++) {
            String value = index < values.size() ? values.get(index) : null;
            float innerWidth = widths[index] - 2 * ReportLayout.CELL_PADDING;
            cells.add(flow.wrap(value == null ? "–" : value, ReportLayout.TABLE_SIZE, innerWidth));
        }
        return cells;
    }

    /** Cuts a cell taller than a whole page, marking the cut, since a row that cannot fit any page cannot be drawn. */
    private static List<List<String>> truncate(List<List<String>> cells, int maxLines) {
        List<List<String>> result = new ArrayList<>(cells.size());
        for (List<String> lines : cells) {
            if (lines.size() <= maxLines) {
                result.add(lines);
            } else {
                List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
                kept.set(maxLines - 1, ELLIPSIS);
                result.add(kept);
            }
        }
        return result;
    }

    private static float rowHeight(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * PageFlow.lineHeight(ReportLayout.TABLE_SIZE) + 2 * ReportLayout.CELL_PADDING;
    }

    private void drawRow(PageFlow flow, List<List<String>> cells, boolean header, boolean striped)
            throws IOException {
        float height = rowHeight(cells);
        float top = flow.y();
        float bottom = top - height;
        if (header) {
            flow.fillRect(ReportLayout.MARGIN, bottom, ReportLayout.TEXT_WIDTH, height, ReportLayout.TABLE_HEADER_FILL);
        } else if (striped) {
            flow.fillRect(ReportLayout.MARGIN, bottom, ReportLayout.TEXT_WIDTH, height, ReportLayout.ZEBRA_FILL);
        }
        float lineHeight = PageFlow.lineHeight(ReportLayout.TABLE_SIZE);
        // The first baseline sits one font size below the padding; descenders then stay inside the row.
        float firstBaseline = top - ReportLayout.CELL_PADDING - ReportLayout.TABLE_SIZE;
        float x = ReportLayout.MARGIN;
        for (int index = 0; index < cells.size(); index++) {
            float baseline = firstBaseline;
            for (String line : cells.get(index)) {
                flow.text(line, x + ReportLayout.CELL_PADDING, baseline, ReportLayout.TABLE_SIZE, header,
                        ReportLayout.TEXT);
                baseline -= lineHeight;
            }
            x += widths[index];
        }
        flow.horizontalRule(ReportLayout.MARGIN, bottom, ReportLayout.TEXT_WIDTH, ReportLayout.RULE);
        flow.moveDown(height);
    }
}
