package org.myotrack.report;

/**
 * One therapy of the report's history, preformatted by the caller ("–" when missing).
 *
 * @param drug drug name
 * @param dose dose with unit, frequency and route
 * @param start ISO start date
 * @param end ISO end date, or "–" while ongoing
 * @param stopReason why it ended
 */
public record ReportTherapyRow(String drug, String dose, String start, String end, String stopReason) {
}
