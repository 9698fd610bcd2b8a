package org.myotrack.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials against the bcrypt hashes in {@code users}. HTTP Basic sends the password with
 * every request, and a bcrypt check costs tens of milliseconds by design; so after one successful check the
 * provider remembers, for a few minutes and in memory only, a SHA-256 digest of what was sent together with the
 * stored hash it matched. A later request with the same password against the same, unchanged hash skips bcrypt;
 * a changed password or a wrong one always goes through bcrypt. The account is read on every request, so a
 * removed user or changed role takes effect at once.
 */
@ApplicationScoped
public class RegistryIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Identity attribute carrying a clinician's site id. */
    public static final String SITE_ID = "siteId";

    private static final long REMEMBER_NANOS = Duration.ofMinutes(5).toNanos();

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    UserAccountRepository users;

    @Inject
    LoginThrottle throttle;

    /** A password check that succeeded: digest of the password sent, the hash it matched, and until when it counts. */
    private record Verified(byte[] digest, String passwordHash, long validUntilNanos) {
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String username = request.getUsername();
        // A user name held back after repeated failures is refused without checking the password at all.
        Optional<Duration> wait = throttle.heldBack(username, routing);
        if (wait.isPresent()) {
            LoginThrottle.markHeldBack(routing, wait.get());
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            try {
                SecurityIdentity identity = authenticate(username, new String(request.getPassword().getPassword()));
                throttle.recordSuccess(username, routing);
                return identity;
            } catch (AuthenticationFailedException failed) {
                throttle.recordFailure(username, routing);
                throttle.heldBack(username, routing).ifPresent(hold -> LoginThrottle.markHeldBack(routing, hold));
                throw failed;
            }
        });
    }

    private SecurityIdentity authenticate(String username, String password) {
        UserAccount account = QuarkusTransaction.joiningExisting().call(() -> users.findByUsername(username).orElse(null));
        if (account == null) {
            // Spend the same time as a real check so that timing does not tell which user names exist.
            BcryptUtil.matches(password, DUMMY_HASH);
            throw new AuthenticationFailedException();
        }
        byte[] digest = digest(username, password);
        Verified remembered = verified.get(username);
        boolean known = remembered != null && remembered.passwordHash().equals(account.passwordHash)
                && System.nanoTime() < remembered.validUntilNanos() && MessageDigest.isEqual(remembered.digest(), digest);
        if (!known) {
            if (!BcryptUtil.matches(password, account.passwordHash)) {
                throw new AuthenticationFailedException();
            }
            verified.put(username, new Verified(digest, account.passwordHash, System.nanoTime() + REMEMBER_NANOS));
        }
        return identityOf(account);
    }

    /** The identity of a signed-in account: its name, its one role and, for a clinician, its site. */
    static SecurityIdentity identityOf(UserAccount account) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRole(account.role);
        if (account.siteId != null) {
            identity.addAttribute(SITE_ID, account.siteId);
        }
        return identity.build();
    }

    private static byte[] digest(String username, String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A bcrypt hash of a random string at the registry's cost, checked against when the user does not exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user " + System.nanoTime(), UserService.BCRYPT_COST);
}
