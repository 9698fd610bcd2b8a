package org.myotrack.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The database-wide first-start lock (row {@code first-start} of {@code registry_locks}): held until the caller's
 * transaction ends, so registry instances sharing one database look at it and initialise it one at a time.
 */
@ApplicationScoped
public class FirstStartLock {

    @Inject
    EntityManager em;

    /** Waits until no other transaction holds the lock, then holds it until this transaction commits or rolls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold() {
        em.createNativeQuery("SELECT name FROM registry_locks WHERE name = 'first-start' FOR UPDATE").getResultList();
    }
}
