package org.myotrack.web;

import jakarta.enterprise.context.RequestScoped;

/** The CSRF token of the current page request, put in every form it renders. */
@RequestScoped
public class CsrfToken {

    private String value;
    private boolean issued;

    /** The token; a fresh one when the browser sent none, which the response then sets as the cookie. */
    public String value() {
        if (value == null) {
            value = Csrf.newToken();
            issued = true;
        }
        return value;
    }

    void accept(String cookieToken) {
        value = cookieToken;
    }

    boolean issued() {
        return issued;
    }
}
