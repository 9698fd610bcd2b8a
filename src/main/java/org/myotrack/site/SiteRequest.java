package org.myotrack.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new site as an administrator submits it. */
public record SiteRequest(
        @NotBlank(message = "is required") @Size(max = 32, message = "must be at most 32 characters")
        @Pattern(regexp = "[A-Z0-9-]+", message = "must contain only capital letters, digits and -") String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
