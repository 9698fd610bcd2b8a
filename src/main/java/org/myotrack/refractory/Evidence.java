package org.myotrack.refractory;

/**
 * One record that decided a flag: {@code kind} is "visit", "therapy" or "investigation", {@code id} the record's
 * id, {@code detail} the values that mattered, in words a physician reads (e.g. "2020-03-01: MMT-8 98/150, PGA 4.5 cm, CK 3.2 × ULN").
 */
public record Evidence(String kind, long id, String detail) {
}
