package org.myotrack.importing;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.myotrack.common.ProblemException;
import org.myotrack.common.RequestBodyLimits;
import org.myotrack.common.RowViolation;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An uploaded CSV file read as RFC 4180 in UTF-8 (a leading byte-order mark is skipped), a chunk of rows at a time, so
 * a file of any length needs the memory of one chunk. The first row must name the columns, exactly as the API spells
 * them. Rows are numbered as a spreadsheet shows them, the header being row 1; a row whose cells are all empty is
 * passed over, as a spreadsheet user would expect.
 */
final class CsvTable implements AutoCloseable {

    /** RFC 4180, keeping empty lines as rows so that row numbers match the spreadsheet's. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What the decoder makes of bytes that are not UTF-8. */
    static final char NOT_UTF8 = '\uFFFD';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final Map<String, Integer> positions;
    private int lastRow = 1;

    private CsvTable(CSVParser parser, Iterator<CSVRecord> records, List<String> columns, Map<String, Integer> positions) {
        this.parser = parser;
        this.records = records;
        this.columns = columns;
        this.positions = positions;
    }

    /**
     * Opens the file and checks its header against the columns of the import: every name known, none twice, the
     * required ones present, and at least one of the patient's identifiers. A refused header refuses the file (422).
     * Reading more than {@code maxBytes} refuses it with 413.
     */
    static CsvTable open(InputStream body, long maxBytes, ImportColumns columns) throws IOException {
        // Bytes that are not UTF-8 become U+FFFD, which the importer refuses where it lands: in a named row and column.
        BufferedReader reader = new BufferedReader(new InputStreamReader(new Limited(body, maxBytes),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        CSVParser parser = FORMAT.parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        CSVRecord header = next(records, 1);
        if (header == null) {
            parser.close();
            throw refusedHeader(List.of(new RowViolation(1, null, null,
                    "the file is empty: its first row must name the columns, e.g. " + columns.example())));
        }
        String[] names = header.values();
        Map<String, Integer> positions = new HashMap<>();
        List<RowViolation> refused = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            Integer earlier = positions.putIfAbsent(name, i);
            if (name.isEmpty()) {
                refused.add(new RowViolation(1, null, null, "column " + (i + 1) + " of the header has no name"));
            } else if (!columns.known().contains(name)) {
                refused.add(new RowViolation(1, name, shown(names[i]), columns.unknownMessage(name)));
            } else if (earlier != null) {
                refused.add(new RowViolation(1, name, shown(names[i]),
                        "appears twice in the header, as columns " + (earlier + 1) + " and " + (i + 1)));
            }
        }
        for (String required : columns.required()) {
            if (!positions.containsKey(required)) {
                refused.add(new RowViolation(1, required, null, "is a required column"));
            }
        }
        if (columns.identifying().stream().noneMatch(positions::containsKey)) {
            refused.add(new RowViolation(1, columns.identifying().get(0), null, "is a required column (or "
                    + String.join(", or ", columns.identifying().subList(1, columns.identifying().size()))
                    + "): it names each row's patient"));
        }
        if (!refused.isEmpty()) {
            parser.close();
            throw refusedHeader(refused);
        }
        return new CsvTable(parser, records, Arrays.stream(names).map(String::strip).toList(), Map.copyOf(positions));
    }

    /** Up to {@code count} further rows that hold anything; an empty list once the file is read. */
    List<CsvRow> nextRows(int count) {
        List<CsvRow> rows = new ArrayList<>(count);
        while (rows.size() < count) {
            CSVRecord record = next(records, lastRow + 1);
            if (record == null) {
                break;
            }
            lastRow = (int) record.getRecordNumber();
            String[] cells = record.values();
            if (!isBlank(cells)) {
                rows.add(new CsvRow(lastRow, cells, columns, positions));
            }
        }
        return rows;
    }

    /** How many columns the header names; every row must have as many cells. */
    int width() {
        return columns.size();
    }

    /** Whether the header names the column. */
    boolean hasColumn(String column) {
        return positions.containsKey(column);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The next record, or null at the end; a file that is not CSV is refused naming the row. */
    private static CSVRecord next(Iterator<CSVRecord> records, int row) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException failed) {
            if (failed.getCause() instanceof CSVException) {
                throw refused(row, "is not valid CSV: a cell holding a comma, a quote or a line break must be enclosed"
                        + " in double quotes, with each quote inside it doubled");
            }
            throw failed;
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A cell as it is shown back in a refusal: long ones shortened, so a refusal never carries a whole file. */
    static String shown(String cell) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        return cell.length() <= 100 ? cell : cell.substring(0, 100) + "…";
    }

    private static ProblemException refusedHeader(List<RowViolation> rows) {
        return ProblemException.refusedRows("The file's header row is refused (" + rows.size()
                + " problem(s)); nothing was imported", rows, rows.size());
    }

    private static ProblemException refused(int row, String message) {
        return ProblemException.refusedRows("Row " + row + " of the file cannot be read; nothing was imported",
                List.of(new RowViolation(row, null, null, message)), 1);
    }

    /** Counts the bytes read and refuses the file (413) once they exceed the limit, whether or not a length was sent. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw RequestBodyLimits.importTooLarge(limit);
            }
        }
    }
}
