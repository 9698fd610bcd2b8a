package org.myotrack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the benchmarks write: one report per benchmark and the suite's summary, one line per measure with its value,
 * target and whether the target was met, in {@code -Dbench.dir} (default {@code target/bench}). A rerun of one
 * benchmark replaces its own lines in the summary and leaves the others' as they were.
 */
final class BenchResults {

    private static final String HEADER = """
            # Benchmark summary

            | measure | value | target | met |
            |---|---|---|---|
            """;

    private BenchResults() {
    }

    /** The results folder, created on first use. */
    static Path dir() {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Writes a benchmark's full report to {@code <dir>/<name>} and echoes it to the console. */
    static void report(String name, String text) {
        System.out.print(text);
        write(name, text);
    }

    /** Writes (or rewrites) a benchmark's report to {@code <dir>/<name>} without echoing it. */
    static void write(String name, String text) {
        try {
            Files.writeString(dir().resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Records one measure in {@code summary.md}, replacing an earlier line of the same measure. A missed target is
     * reported, never thrown: timings on a shared machine are not a reason to fail a build. {@code met} is null for a
     * measure without a target.
     */
    static void summary(String measure, String value, String target, Boolean met) {
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %s |", measure, value, target,
                met == null ? "—" : met ? "met" : "not met");
        Path summary = dir().resolve("summary.md");
        // The start-up benchmark runs in another JVM than the others: a file lock keeps their lines from crossing.
        try (FileChannel channel = FileChannel.open(dir().resolve("summary.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            List<String> lines = new ArrayList<>(Files.exists(summary)
                    ? Files.readAllLines(summary, StandardCharsets.UTF_8)
                    : Arrays.asList(HEADER.split("\n")));
            String key = "| " + measure + " |";
            int existing = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key)) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                lines.set(existing, line);
            } else {
                lines.add(line);
            }
            Files.write(summary, lines, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The value at quantile {@code q} (0–1) of sorted samples. */
    static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Machine line every report starts with: the figures mean little without it. */
    static String machine() {
        return String.format(Locale.ROOT, "%d cores, heap max %d MB, load average %.1f, %d patients (-Dbench.patients), JVM assertions %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                BenchRegistry.patients(), assertionsOn() ? "on (-ea: the database's own checks run too)" : "off");
    }

    /** Whether this JVM runs assertions (-ea), the embedded database's among them: its page checks slow every write. */
    private static boolean assertionsOn() {
        boolean on = false;
        // Assigns only when assertions run.
        assert on = true;
        return on;
    }
}
