package org.myotrack.floor;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The start-up floor's one request: a query through Hibernate ORM, answered as JSON. */
@Path("/sites/count")
public class SiteCount {

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> count() {
        return Map.of("sites", Site.count());
    }
}
