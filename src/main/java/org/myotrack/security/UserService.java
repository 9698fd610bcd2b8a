package org.myotrack.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myotrack.audit.AuditAction;
import org.myotrack.audit.AuditService;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.ProblemException;
import org.myotrack.common.Violation;
import org.myotrack.site.Site;
import org.myotrack.site.SiteRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates and lists user accounts; passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class UserService {

    /**
     * bcrypt work factor 2^10 (OWASP's minimum): HTTP Basic verifies the password on every request, so each
     * step up doubles the cost of every API call.
     */
    static final int BCRYPT_COST = 10;

    @Inject
    UserAccountRepository users;

    @Inject
    SiteRepository sites;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Transactional
    public UserView createUser(Actor actor, UserRequest request) {
        Long siteId = null;
        if (request.role() == Role.CLINICIAN) {
            if (request.siteCode() == null) {
                throw ProblemException.invalid(List.of(new Violation("siteCode", "is required for a CLINICIAN")));
            }
            siteId = sites.findByCode(request.siteCode()).map(s -> s.id).orElseThrow(() -> ProblemException.invalid(
                    List.of(new Violation("siteCode", "is not a known site"))));
        } else if (request.siteCode() != null) {
            throw ProblemException.invalid(List.of(new Violation("siteCode", "is only for a CLINICIAN")));
        }
        if (users.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("User " + request.username() + " already exists");
        }
        UserAccount account = new UserAccount();
        account.username = request.username();
        account.passwordHash = BcryptUtil.bcryptHash(request.password(), BCRYPT_COST);
        account.role = request.role().name();
        account.siteId = siteId;
        account.createdAt = Instant.now(clock);
        users.persist(account);
        users.flush();
        UserView created = toView(account);
        audit.record(actor, AuditAction.CREATE, AuditedEntity.USER, account.id, null, null, created);
        return created;
    }

    @Transactional
    public List<UserView> listUsers() {
        return users.listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(this::toView).toList();
    }

    @Transactional
    public long countUsers() {
        return users.count();
    }

    /** Creates an account without the request checks; for the first administrator and the demo users only. */
    @Transactional
    public void createInitialAccount(String username, String password, Role role, Long siteId) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        account.role = role.name();
        account.siteId = siteId;
        account.createdAt = Instant.now(clock);
        users.persist(account);
        users.flush();
        audit.record(Actor.system("system"), AuditAction.CREATE, AuditedEntity.USER, account.id, null, null, toView(account));
    }

    private UserView toView(UserAccount account) {
        String siteCode = account.siteId == null ? null : sites.findByIdOptional(account.siteId).map(s -> s.code).orElse(null);
        return new UserView(account.id, account.username, Role.valueOf(account.role), siteCode);
    }
}
