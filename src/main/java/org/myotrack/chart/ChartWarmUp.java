package org.myotrack.chart;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Renders one small chart in the background shortly after start-up: loading AWT, the bundled font and JFreeChart
 * costs over a second once, and the first physician to open a chart should not pay it. It waits {@link #DELAY} first,
 * so on a machine of two cores it does not compete with the start-up itself and the first sign-ins for the CPU.
 */
@ApplicationScoped
public class ChartWarmUp {

    private static final Logger LOG = Logger.getLogger(ChartWarmUp.class);

    /** How long after start-up the warm-up waits. */
    static final Duration DELAY = Duration.ofSeconds(10);

    @Inject
    ManagedExecutor executor;

    void onStart(@Observes StartupEvent event) {
        Executor later = CompletableFuture.delayedExecutor(DELAY.toMillis(), TimeUnit.MILLISECONDS, executor);
        CompletableFuture.runAsync(() -> {
            LocalDate day = LocalDate.of(2020, 1, 1);
            TrendChartData data = new TrendChartData("warm-up", false, null, null,
                    List.of(new TrendVisit(day, 2.0, 80.0, "MMT-8", 4.0, 1.0, null),
                            new TrendVisit(day.plusMonths(3), 1.0, 90.0, "MMT-8", 2.0, 0.5, "MINIMAL")),
                    List.of(new DrugPeriod("PREDNISONE", day, day.plusMonths(3), "20 mg daily")),
                    List.of(new DoseStep(day, day.plusMonths(3), 20)), List.of());
            long start = System.nanoTime();
            TrendChartRenderer.png(data, 600, 400);
            TrendChartRenderer.svg(data, 600, 400);
            LOG.debugf("Chart rendering warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
        }, later);
    }
}
