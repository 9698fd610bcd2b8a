package org.myotrack.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user as an administrator submits it; clinicians need a site. */
public record UserRequest(
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = "[a-z0-9._-]+", message = "must contain only lower-case letters, digits and . _ -") String username,
        @NotNull(message = "is required") @Size(min = 12, max = 72, message = "must be between 12 and 72 characters") String password,
        @NotNull(message = "is required; one of CLINICIAN, COORDINATOR, ADMIN") Role role,
        String siteCode) {
}
