package org.myotrack.cohort.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeidentificationPartsTest {

    private static final byte[] SECRET = "a-registry-secret-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldGiveTheSamePseudonymAndShiftEveryTimeAndOthersUnderAnotherSecret() {
        Pseudonyms pseudonyms = new Pseudonyms(SECRET);
        assertThat(pseudonyms.pseudonym("P000001")).isEqualTo(new Pseudonyms(SECRET).pseudonym("P000001"))
                .matches("MT-[0-9A-F]{20}").doesNotContain("000001");
        assertThat(pseudonyms.dateShiftDays("P000001")).isEqualTo(new Pseudonyms(SECRET).dateShiftDays("P000001"));
        assertThat(pseudonyms.pseudonym("P000002")).isNotEqualTo(pseudonyms.pseudonym("P000001"));
        Pseudonyms other = new Pseudonyms("another-registry-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThat(other.pseudonym("P000001")).isNotEqualTo(pseudonyms.pseudonym("P000001"));
    }

    @Test
    void shouldShiftBetweenZeroAnd364DaysSpreadOverTheYear() {
        Pseudonyms pseudonyms = new Pseudonyms(SECRET);
        int[] quarters = new int[4];
        Set<Integer> distinct = new HashSet<>();
        for (int i = 1; i <= 4000; i++) {
            int shift = pseudonyms.dateShiftDays(String.format("P%06d", i));
            assertThat(shift).isBetween(0, Pseudonyms.MAX_SHIFT_DAYS);
            quarters[Math.min(3, shift / 92)]++;
            distinct.add(shift);
        }
        assertThat(distinct).hasSizeGreaterThan(350);
        assertThat(Arrays.stream(quarters).min().getAsInt()).as("patients per quarter of the year").isGreaterThan(800);
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new Pseudonyms("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> RegistrySecret.load(Optional.of("too-short"), Path.of("unused")))
                .hasMessageContaining("MYOTRACK_EXPORT_SECRET");
    }

    @Test
    void shouldGenerateTheSecretOnceKeepItPrivateAndReuseIt(@TempDir Path dataDir) throws Exception {
        byte[] first = RegistrySecret.load(Optional.empty(), dataDir);
        byte[] again = RegistrySecret.load(Optional.empty(), dataDir);
        assertThat(first).hasSize(32).isEqualTo(again);
        Path file = dataDir.resolve(RegistrySecret.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dataDir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1961, 2026, 1, 1961",
            "1961, 2026, 5, 1960-1964",
            "1960, 2026, 5, 1960-1964",
            "1964, 2026, 5, 1960-1964",
            "1965, 2026, 5, 1965-1969",
            // Aged 89 in the year of export keeps the year; 90 is withheld, whatever the banding.
            "1937, 2026, 1, 1937",
            "1936, 2026, 1, 90+",
            "1936, 2026, 5, 90+",
            "1920, 2026, 1, 90+"})
    void shouldLabelBirthYears(int birthYear, int exportYear, int band, String label) {
        assertThat(BirthYears.label(birthYear, exportYear, band)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(http://example.org)|'=HYPERLINK(http://example.org)",
            "+1+2|'+1+2",
            "-2+3|'-2+3",
            "@SUM(A1)|'@SUM(A1)",
            "methotrexate|methotrexate",
            "a=b|a=b"})
    void shouldNeutraliseTextThatASpreadsheetWouldRun(String text, String written) {
        assertThat(CsvCells.text(text)).isEqualTo(written);
    }

    @Test
    void shouldWriteNumbersPlainly() {
        assertThat(CsvCells.text(6.0)).isEqualTo("6");
        assertThat(CsvCells.text(1.125)).isEqualTo("1.125");
        assertThat(CsvCells.text(12000000.5)).isEqualTo("12000000.5");
        assertThat(CsvCells.text(-30)).as("a relative day before diagnosis stays a number").isEqualTo("-30");
        assertThat(CsvCells.text(ExportDate.relative(-30))).isEqualTo("-30");
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void shouldFindTheSmallestGroupAndBandBirthYears() {
        List<Object[]> groups = List.of(
                new Object[] {"A", "FEMALE", 1961, "DM", 3L},
                new Object[] {"A", "FEMALE", 1962, "DM", 4L},
                new Object[] {"A", "MALE", 1961, "DM", 9L},
                new Object[] {"A", "FEMALE", 1930, "PM", 2L},
                new Object[] {"A", "FEMALE", 1931, "PM", 4L});
        assertThat(CohortExportService.smallestGroup(groups, 2026, 1)).isEqualTo(3);
        assertThat(CohortExportService.smallestGroup(groups.subList(3, 5), 2026, 1)).as("1930 and 1931 both show 90+").isEqualTo(6);
        assertThat(CohortExportService.smallestGroup(groups.subList(0, 3), 2026, 1)).isEqualTo(3);
        assertThat(CohortExportService.smallestGroup(groups.subList(0, 3), 2026, 5)).isEqualTo(7);
        assertThat(CohortExportService.smallestGroup(List.of(), 2026, 1)).isZero();
    }
}
