package org.myotrack.common;

/** One refused field of a request: the field's path in the JSON body (or parameter name) and why. */
public record Violation(String field, String message) {
}
