package org.myotrack.chart;

/**
 * Refractory patients among all patients of one serology group.
 *
 * @param group serology group label, e.g. "MDA5" or "Synthetase"
 * @param refractory number of refractory patients
 * @param total number of patients in the group
 */
public record AntibodyGroupShare(String group, int refractory, int total) {
}
