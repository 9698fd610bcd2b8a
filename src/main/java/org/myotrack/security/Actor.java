package org.myotrack.security;

/**
 * Who is making a request, as the services see it: the user name (for the audit trail), the role and, for a
 * clinician, the one site whose patients they may see.
 */
public record Actor(String username, Role role, Long siteId) {

    /** The actor of writes made by the registry itself, such as seeding the demo cohort. */
    public static Actor system(String name) {
        return new Actor(name, Role.ADMIN, null);
    }

    public boolean isClinician() {
        return role == Role.CLINICIAN;
    }

    /** Whether this actor may read identified records of the given site. */
    public boolean canRead(Long patientSiteId) {
        return role == Role.ADMIN || role == Role.CLINICIAN && siteId != null && siteId.equals(patientSiteId);
    }

    /** Whether this actor may read de-identified views (cohort, pseudonymous report) of a patient of the given site. */
    public boolean canReadDeidentified(Long patientSiteId) {
        return role == Role.COORDINATOR || canRead(patientSiteId);
    }

    /** Whether this actor may see identifiers (external id, exact birth date) of a patient of the given site. */
    public boolean seesIdentifiers(Long patientSiteId) {
        return role == Role.CLINICIAN && canRead(patientSiteId);
    }

    /** Whether this actor may create or change records of the given site. */
    public boolean canWrite(Long patientSiteId) {
        return role == Role.CLINICIAN && siteId != null && siteId.equals(patientSiteId);
    }
}
