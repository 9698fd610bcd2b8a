package org.myotrack.cohort.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTest {

    /** Cells that need quoting, doubling of quotes, and characters beyond one byte, among plain ones. */
    private static String[] row(int number) {
        return new String[] {"MT-" + number, "", "a, b", "say \"" + number + "\"", "two\r\nlines", "ß–é " + number,
                String.valueOf(number * 0.5), "'=cmd"};
    }

    @Test
    void shouldWriteEveryRowAsRfc4180WhenRowsCrossTheBuffer() throws IOException {
        StringWriter out = new StringWriter();
        List<Integer> writes = new ArrayList<>();
        Writer counting = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                writes.add(len);
                out.write(chars, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CsvRows rows = new CsvRows(counting);
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            rows.row(row(i));
        }
        assertThat(writes).as("rows are passed on in pieces, not cell by cell").hasSizeBetween(2, 20);
        rows.finish();

        List<CSVRecord> read;
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), CSVFormat.RFC4180)) {
            read = parser.getRecords();
        }
        assertThat(read).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(read.get(i).values()).as("row %d", i).containsExactly(row(i));
        }
        assertThat(out.toString()).startsWith("MT-0,,\"a, b\",\"say \"\"0\"\"\",\"two\r\nlines\",ß–é 0,0.0,'=cmd\r\n")
                .endsWith("'=cmd\r\n");
    }

    @Test
    void shouldWriteNothingBeforeTheFirstRowAndEverythingAtTheEnd() throws IOException {
        StringWriter out = new StringWriter();
        CsvRows rows = new CsvRows(out);
        rows.finish();
        assertThat(out.toString()).isEmpty();
        rows.row(new String[] {"only", "row"});
        assertThat(out.toString()).as("a short file stays buffered until the end").isEmpty();
        rows.finish();
        assertThat(out.toString()).isEqualTo("only,row\r\n");
    }
}
