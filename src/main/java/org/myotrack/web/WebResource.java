package org.myotrack.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** What the page resources share: the layout's context and the shapes of their responses. */
public abstract class WebResource {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    Frames frames;

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(HTML).entity(page).build();
    }

    /** After a successful POST: the browser loads the result with GET, so reloading does not post again. */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
