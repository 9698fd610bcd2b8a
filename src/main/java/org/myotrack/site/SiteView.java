package org.myotrack.site;

/** A site as the API shows it. */
public record SiteView(Long id, String code, String name) {

    static SiteView of(Site site) {
        return new SiteView(site.id, site.code, site.name);
    }
}
