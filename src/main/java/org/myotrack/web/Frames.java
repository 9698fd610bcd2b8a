package org.myotrack.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;

/** Builds the layout context of a page for the signed-in user of the request. */
@ApplicationScoped
public class Frames {

    @Inject
    CurrentActor actor;

    @Inject
    CsrfToken csrf;

    public Frame of(String title, String section) {
        Actor current = actor.get();
        return new Frame(title, current.username(), current.role().name(), csrf.value(), section);
    }

    /** The login page's frame: nobody is signed in yet, but its form needs a token. */
    public Frame login() {
        return new Frame("Sign in", null, null, csrf.value(), null);
    }
}
