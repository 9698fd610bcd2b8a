package org.myotrack.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Restores the user of a web-page session. The login form's password was checked once by
 * {@link RegistryIdentityProvider}; afterwards the encrypted session cookie names only the user, and the account is
 * read again on every request, so a removed user or a changed role or site takes effect at the next page.
 */
@ApplicationScoped
public class RegistrySessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    UserAccountRepository users;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UserAccount account = QuarkusTransaction.joiningExisting()
                    .call(() -> users.findByUsername(request.getPrincipal()).orElse(null));
            if (account == null) {
                throw new AuthenticationFailedException();
            }
            return RegistryIdentityProvider.identityOf(account);
        });
    }
}
