package org.myotrack.bench;

import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.myotrack.support.RegistryProcess;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Start-up of the packaged registry ({@code target/quarkus-app/quarkus-run.jar}) on a copy of the benchmark registry
 * ({@link BenchRegistry}), {@code -Dbench.startup-runs} times (default 3) for each of two launches, reporting the
 * medians: from starting the process to the first successful authenticated API request and to {@code /q/health/ready}
 * UP, and the resident memory (VmRSS in {@code /proc/<pid>/status}) right after start-up and after a short warm load
 * of trajectories, flags and trend charts of random patients. The launches are the one README "Running an
 * installation" documents ({@link #INSTALLATION_OPTIONS}, or the options {@code -Dbench.startup.jvm-options} names),
 * which the targets are judged on, and plain {@code java -jar} for comparison. Run by failsafe after {@code package},
 * once a registry benchmark of the same size has kept the registry's backup. Results go to
 * {@code target/bench/startup.txt} and the summary. With {@code -Dbench.startup.floor=true} (set by the suite) it
 * then builds and starts the stack's start-up floor the same way ({@link #floor}). Timings are reported, never
 * asserted; a registry that does not start or answers an error stops it.
 */
class StartupBench {

    private static final String ADMIN = "admin:benchmark-admin-password";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The JVM options README "Running an installation" gives. */
    static final List<String> INSTALLATION_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One start: milliseconds to the first authenticated answer and to ready, RSS in MB after start and after load. */
    private record Run(double firstRequestMillis, double readyMillis, double rssStartedMb, double rssLoadedMb) {
    }

    /** The medians of one launch's runs. */
    private record Medians(double first, double ready, double rssStarted, double rssLoaded) {
        static Medians of(List<Run> runs) {
            return new Medians(median(runs.stream().mapToDouble(Run::firstRequestMillis).toArray()),
                    median(runs.stream().mapToDouble(Run::readyMillis).toArray()),
                    median(runs.stream().mapToDouble(Run::rssStartedMb).toArray()),
                    median(runs.stream().mapToDouble(Run::rssLoadedMb).toArray()));
        }
    }

    @Test
    void startPackagedRegistryOnTheBenchmarkRegistry() throws Exception {
        RegistryProcess.packagedJar();
        Path template = BenchRegistry.template(BenchRegistry.patients());
        if (!Files.exists(template)) {
            throw new IllegalStateException("No benchmark registry of " + BenchRegistry.patients() + " patients at " + template
                    + ": run a registry benchmark of that size first (the suite's surefire part does)");
        }
        int runs = Integer.getInteger("bench.startup-runs", 3);
        int load = Integer.getInteger("bench.startup-load", 300);
        List<String> installation = installationOptions();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Start-up of the packaged registry on a copy of the benchmark registry, %d runs of each launch%n%s%n",
                runs, BenchResults.machine()));
        // The documented launch, which the targets are judged on, then plain java -jar beside it.
        Start registry = options -> startOnce(template, options, load);
        Medians documented = measure("registry", installation, runs, registry, load + " warm requests", report);
        measure("registry", List.of(), runs, registry, load + " warm requests", report);
        if (Boolean.getBoolean("bench.startup.floor")) {
            floor(installation, runs, report);
        }
        String launch = "the README's launch";
        BenchResults.summary("start-up to first authenticated request (median, " + launch + ")", String.format(Locale.ROOT,
                "%.2f s (ready %.2f s)", documented.first() / 1000, documented.ready() / 1000), "under 3 s",
                documented.first() < 3_000 && documented.ready() < 3_000);
        BenchResults.summary("RSS after start-up / after warm load (median, " + launch + ")", String.format(Locale.ROOT,
                "%.0f / %.0f MB", documented.rssStarted(), documented.rssLoaded()), "under 350 MB",
                documented.rssStarted() < 350 && documented.rssLoaded() < 350);
    }

    /**
     * The start-up floor of the stack ({@code src/bench/startup-floor}): the registry's Quarkus version and runtime
     * extensions with one table, one migration and one endpoint, built with Maven and started like the registry, with
     * the same launches, on a database it created in an untimed first start. What the registry takes beyond it is the
     * registry's own; what it takes is the least this stack takes on the machine.
     */
    private void floor(List<String> installation, int runs, StringBuilder report) throws Exception {
        Path project = Path.of("src", "bench", "startup-floor").toAbsolutePath();
        Process maven = new ProcessBuilder("mvn", "-B", "-q", "-f", project.resolve("pom.xml").toString(), "package",
                "-DskipTests").redirectErrorStream(true).redirectOutput(Path.of("target", "startup-floor-build.log").toFile()).start();
        if (maven.waitFor() != 0) {
            throw new IllegalStateException("The start-up floor did not build: see target/startup-floor-build.log");
        }
        Path jar = Path.of("target", "startup-floor", "quarkus-app", "quarkus-run.jar");
        Path work = RegistryProcess.workDirectory("startup-floor");
        Map<String, String> environment = Map.of("MYOTRACK_DATA_DIR", work.resolve("data").toString());
        // The first start creates the database and runs the migration, as the registry's did long before its runs.
        RegistryProcess first = RegistryProcess.launch(jar, environment, work.resolve("floor.log"), List.of());
        try {
            first.awaitReady();
        } finally {
            first.stop();
        }
        String subject = "start-up floor (the same Quarkus extensions, one table, one endpoint)";
        Start floor = options -> startFloor(jar, environment, work, options);
        Medians floorDocumented = measure(subject, installation, runs, floor, null, report);
        measure(subject, List.of(), runs, floor, null, report);
        BenchResults.summary("start-up floor of the stack: its Quarkus extensions with one table (median, the README's launch)",
                String.format(Locale.ROOT, "%.2f s (ready %.2f s)", floorDocumented.first() / 1000,
                        floorDocumented.ready() / 1000), "—", null);
    }

    /** Starts one launch of the application. */
    @FunctionalInterface
    private interface Start {
        Run once(List<String> jvmOptions) throws Exception;
    }

    /**
     * Starts one launch {@code runs} times, adds its medians and each run to the report and writes it (so a stopped
     * run keeps what it measured), and returns the medians. {@code load} names the warm load after which the second
     * RSS was read, or is null when there was none.
     */
    private static Medians measure(String subject, List<String> options, int runs, Start start, String load,
                                   StringBuilder report) throws Exception {
        List<Run> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(start.once(options));
        }
        Medians medians = Medians.of(results);
        report.append(String.format(Locale.ROOT, "%s, java %s-jar: median first request %.0f ms, ready %.0f ms after the"
                        + " process started; RSS %.0f MB after start-up%s%n", subject,
                options.isEmpty() ? "" : String.join(" ", options) + " ", medians.first(), medians.ready(), medians.rssStarted(),
                load == null ? "" : String.format(Locale.ROOT, ", %.0f MB after %s", medians.rssLoaded(), load)));
        for (Run run : results) {
            report.append(String.format(Locale.ROOT, "  run: first request %.0f ms, ready %.0f ms, RSS %.0f%s MB%n",
                    run.firstRequestMillis(), run.readyMillis(), run.rssStartedMb(),
                    load == null ? "" : String.format(Locale.ROOT, " / %.0f", run.rssLoadedMb())));
        }
        BenchResults.report("startup.txt", report.toString());
        return medians;
    }

    /** One start of the floor on its database: to its one request and to ready; no warm load. */
    private Run startFloor(Path jar, Map<String, String> environment, Path work, List<String> options) throws Exception {
        long start = System.nanoTime();
        RegistryProcess floor = RegistryProcess.launch(jar, environment, work.resolve("floor.log"), options);
        try {
            double[] started = awaitStarted(floor, HttpRequest.newBuilder(floor.uri("/sites/count"))
                    .timeout(Duration.ofSeconds(5)).build(), start);
            double rss = rssMb(floor.pid());
            return new Run(started[0], started[1], rss, rss);
        } finally {
            floor.stop();
        }
    }

    /**
     * Polls every 10 ms until {@code first} and {@code /q/health/ready} have each answered 200, whichever comes first;
     * returns the milliseconds from {@code start} to each.
     */
    private double[] awaitStarted(RegistryProcess process, HttpRequest first, long start) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(process.uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        double readyMillis = -1;
        double firstMillis = -1;
        while (readyMillis < 0 || firstMillis < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("It exited during start-up:\n" + process.logTail());
            }
            if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                throw new IllegalStateException("It did not start within " + TIMEOUT + ":\n" + process.logTail());
            }
            if (firstMillis < 0 && answersOk(first)) {
                firstMillis = (System.nanoTime() - start) / 1e6;
            }
            if (readyMillis < 0 && answersOk(ready)) {
                readyMillis = (System.nanoTime() - start) / 1e6;
            }
            if (readyMillis < 0 || firstMillis < 0) {
                Thread.sleep(10);
            }
        }
        return new double[] {firstMillis, readyMillis};
    }

    /** The launch README "Running an installation" documents, or what {@code -Dbench.startup.jvm-options} names. */
    private static List<String> installationOptions() {
        String given = System.getProperty("bench.startup.jvm-options", "").trim();
        return given.isEmpty() ? INSTALLATION_OPTIONS : List.of(given.split("\\s+"));
    }

    private Run startOnce(Path template, List<String> jvmOptions, int load) throws Exception {
        Path work = RegistryProcess.workDirectory("startup");
        Path data = work.resolve("data");
        BenchRegistry.unzip(template, data);
        // The copy is on disk before the clock starts: otherwise the kernel writes its gigabytes back while the
        // registry starts, and the start-up is timed against that, which no installation's start is.
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        Map<String, String> environment = Map.of("MYOTRACK_DATA_DIR", data.toString(),
                "MYOTRACK_ADMIN_PASSWORD", "benchmark-admin-password");
        long start = System.nanoTime();
        RegistryProcess registry = RegistryProcess.launch(environment, work.resolve("registry.log"), jvmOptions);
        try {
            double[] started = awaitStarted(registry, get(registry, "/api/patients?size=1"), start);
            double rssStarted = rssMb(registry.pid());
            Random random = new Random(17);
            for (int i = 0; i < load; i++) {
                long patient = 1 + random.nextInt(BenchRegistry.patients());
                String path = switch (i % 3) {
                    case 0 -> "/api/patients/" + patient + "/trajectory";
                    case 1 -> "/api/patients/" + patient + "/flags";
                    default -> "/api/patients/" + patient + "/charts/trend.png";
                };
                HttpResponse<byte[]> response = http.send(get(registry, path), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
            }
            return new Run(started[0], started[1], rssStarted, rssMb(registry.pid()));
        } finally {
            registry.stop();
            // The copy of the registry is large at full size; the log stays for reading.
            FileUtils.deleteDirectory(data.toFile());
        }
    }

    private boolean answersOk(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static HttpRequest get(RegistryProcess registry, String path) {
        return HttpRequest.newBuilder(registry.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** Resident set size of the process, from Linux's {@code /proc/<pid>/status}. */
    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
