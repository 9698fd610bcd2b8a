package org.myotrack.common;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

/**
 * Ids for rows written with plain JDBC batches, from the entity's own Hibernate generator: they come out of the same
 * pooled blocks of the entity's sequence ({@code INCREMENT BY 50}) as the ids of rows Hibernate writes, so the two
 * never collide, even while both write at once. Taking sequence values directly would not be safe: Hibernate reads
 * the first value of a fresh sequence as the start of a block, not its end.
 */
public final class EntityIds {

    private final SharedSessionContractImplementor session;
    private final IdentifierGenerator generator;

    private EntityIds(SharedSessionContractImplementor session, IdentifierGenerator generator) {
        this.session = session;
        this.generator = generator;
    }

    /** The id source of one entity type, for use inside the caller's transaction. */
    public static EntityIds of(EntityManager em, Class<?> entityType) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        // The registry's entities all take ids from a sequence generator, which is an IdentifierGenerator.
        return new EntityIds(session, (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entityType).getGenerator());
    }

    public long next() {
        return ((Number) generator.generate(session, null)).longValue();
    }
}
