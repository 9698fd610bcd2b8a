package org.myotrack.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in user of the current request as an {@link Actor}, from the identity the provider built. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Role role = identity.getRoles().stream().map(Role::valueOf).findFirst().orElseThrow(UnauthorizedException::new);
        Long siteId = identity.getAttribute(RegistryIdentityProvider.SITE_ID);
        return new Actor(identity.getPrincipal().getName(), role, siteId);
    }
}
