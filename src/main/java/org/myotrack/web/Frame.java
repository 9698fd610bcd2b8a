package org.myotrack.web;

/**
 * What the layout of every page needs: the title, who is signed in (none on the login and error pages of an
 * anonymous visitor), the CSRF token for its forms, and which section of the navigation is current.
 */
public record Frame(String title, String username, String role, String csrf, String section) {

    public static Frame anonymous(String title) {
        return new Frame(title, null, null, null, null);
    }

    public boolean signedIn() {
        return username != null;
    }

    /** Clinicians enter records; only they see the entry buttons. */
    public boolean clinician() {
        return "CLINICIAN".equals(role);
    }

    /** Clinicians and administrators read identified patients. */
    public boolean readsPatients() {
        return "CLINICIAN".equals(role) || "ADMIN".equals(role);
    }

    /** Coordinators and administrators read de-identified cohorts. */
    public boolean readsCohorts() {
        return "COORDINATOR".equals(role) || "ADMIN".equals(role);
    }
}
