package org.myotrack.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myotrack.audit.AuditAction;
import org.myotrack.audit.AuditService;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.ProblemException;
import org.myotrack.security.Actor;

import java.util.List;

/** Creates and lists participating sites. */
@ApplicationScoped
public class SiteService {

    @Inject
    SiteRepository sites;

    @Inject
    AuditService audit;

    @Transactional
    public SiteView createSite(Actor actor, SiteRequest request) {
        if (sites.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("Site " + request.code() + " already exists");
        }
        Site site = new Site(request.code(), request.name());
        sites.persist(site);
        sites.flush();
        SiteView created = SiteView.of(site);
        audit.record(actor, AuditAction.CREATE, AuditedEntity.SITE, site.id, null, null, created);
        return created;
    }

    @Transactional
    public List<SiteView> listSites() {
        return sites.listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(SiteView::of).toList();
    }
}
