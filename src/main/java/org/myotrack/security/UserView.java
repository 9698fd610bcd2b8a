package org.myotrack.security;

/** A user as the API shows it; never the password hash. */
public record UserView(Long id, String username, Role role, String siteCode) {
}
