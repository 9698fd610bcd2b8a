package org.myotrack.common;

/** Descriptions shared by the OpenAPI annotations of the resources. */
public final class ApiResponses {

    public static final String INVALID = "Invalid field values, malformed JSON, unknown enum values or wrong types; problem+json with `violations` naming each field and its allowed range. Nothing is saved.";
    public static final String UNAUTHENTICATED = "No or wrong credentials (HTTP Basic).";
    public static final String FORBIDDEN = "The role may not do this (coordinators never reach identified data; only clinicians write, and only for their own site).";
    public static final String NOT_FOUND = "No such record, or it belongs to another site (its existence is not revealed).";
    public static final String STALE = "The `version` sent is not the stored one: someone else changed the record. The stored record is unchanged.";

    private ApiResponses() {
    }
}
