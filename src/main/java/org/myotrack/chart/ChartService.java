package org.myotrack.chart;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientService;
import org.myotrack.security.Actor;

import java.time.LocalDate;

/**
 * Draws a patient's trend chart: the record is read in one short transaction and the picture is rendered after
 * it, so no database connection is held while JFreeChart works.
 */
@ApplicationScoped
public class ChartService {

    @Inject
    PatientService patients;

    @Inject
    PatientChartSource source;

    public byte[] trendPng(Actor actor, long patientId, int width, int height, LocalDate from, LocalDate to) {
        return TrendChartRenderer.png(trendData(actor, patientId, from, to), width, height);
    }

    public String trendSvg(Actor actor, long patientId, int width, int height, LocalDate from, LocalDate to) {
        return TrendChartRenderer.svg(trendData(actor, patientId, from, to), width, height);
    }

    private TrendChartData trendData(Actor actor, long patientId, LocalDate from, LocalDate to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Patient patient = patients.requireReadable(actor, patientId);
            return source.trendData(source.snapshot(patient), from, to);
        });
    }
}
