package org.myotrack.site;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Reads and stores sites. */
@ApplicationScoped
public class SiteRepository implements PanacheRepository<Site> {

    public Optional<Site> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
