package org.myotrack.security;

/** What a user may do (api.md "Users and access"). */
public enum Role {
    /** Enters and reads the identified records of one site. */
    CLINICIAN,
    /** Reads de-identified cohorts across all sites; never identified data. */
    COORDINATOR,
    /** Manages users and sites and reads the audit trail. */
    ADMIN;

    public static final String CLINICIAN_NAME = "CLINICIAN";
    public static final String COORDINATOR_NAME = "COORDINATOR";
    public static final String ADMIN_NAME = "ADMIN";
}
