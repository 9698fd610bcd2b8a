package org.myotrack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged registry ({@code target/quarkus-app/quarkus-run.jar}) run as a child process on a free port, the way an
 * installation runs it, so integration tests can stop it the hard way ({@code kill -9}) and start it again on the same
 * data.
 */
public final class RegistryProcess {

    /** Exit status of a process ended by SIGKILL (128 + 9), as a shell reports {@code kill -9}. */
    public static final int KILLED_EXIT_STATUS = 137;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private RegistryProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /** The packaged jar failsafe names in {@code myotrack.it.jar}; the test is skipped when it has not been built. */
    public static Path packagedJar() {
        Path jar = Path.of(System.getProperty("myotrack.it.jar", "target/quarkus-app/quarkus-run.jar"));
        assumeTrue(Files.isRegularFile(jar), "The packaged registry " + jar + " is missing: run `mvn -B verify`, "
                + "which packages it before the integration tests");
        return jar;
    }

    /** A folder for one test's data and logs under {@code target/it}. */
    public static Path workDirectory(String name) {
        try {
            Path root = Path.of(System.getProperty("myotrack.it.work-dir", "target/it"));
            Files.createDirectories(root);
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Starts the registry with the given environment (outside demo mode) and waits until {@code /q/health/ready} is UP.
     * Its console goes to {@code log}, appended, so the runs of one test read as one story.
     */
    public static RegistryProcess start(Map<String, String> environment, Path log) {
        RegistryProcess registry = launch(environment, log, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        registry.awaitReady();
        return registry;
    }

    /**
     * Starts the registry with the given environment (outside demo mode) and JVM options and returns at once, without
     * waiting for it to be ready: for measuring the start-up itself.
     */
    public static RegistryProcess launch(Map<String, String> environment, Path log, List<String> jvmOptions) {
        return launch(packagedJar(), environment, log, jvmOptions);
    }

    /**
     * As {@link #launch(Map, Path, List)}, for another packaged Quarkus application ({@code quarkus-run.jar}) given the
     * same environment: the start-up floor the start-up benchmark compares the registry with.
     */
    public static RegistryProcess launch(Path jar, Map<String, String> environment, Path log, List<String> jvmOptions) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("MYOTRACK_DEMO", "false");
        builder.environment().putAll(env);
        try {
            return new RegistryProcess(builder.start(), URI.create("http://localhost:" + port), log);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the JVM with SIGKILL, as {@code kill -9} does: no shutdown hook runs, nothing is flushed or closed. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Ends the JVM as an operator stopping the service would (SIGTERM, shutdown hooks run). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The last lines of the registry's console, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(log " + log + " unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails with the log's tail when the process exits or takes too long. */
    public void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with status " + process.exitValue()
                        + " before it was ready:\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting: try again shortly.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The registry was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
