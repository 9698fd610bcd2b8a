package org.myotrack.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Resolves the signed-in user of the current request into an {@link Actor}, once per request. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    @Inject
    UserAccountRepository users;

    private Actor actor;

    public Actor get() {
        if (actor == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            UserAccount account = users.findByUsername(identity.getPrincipal().getName())
                    .orElseThrow(UnauthorizedException::new);
            actor = new Actor(account.username, Role.valueOf(account.role), account.siteId);
        }
        return actor;
    }
}
