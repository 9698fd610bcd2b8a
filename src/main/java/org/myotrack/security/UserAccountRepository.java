package org.myotrack.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Reads and stores user accounts. */
@ApplicationScoped
public class UserAccountRepository implements PanacheRepository<UserAccount> {

    public Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
