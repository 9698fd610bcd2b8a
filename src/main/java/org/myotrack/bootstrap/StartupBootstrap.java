package org.myotrack.bootstrap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.myotrack.common.MyoTrackConfig;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.myotrack.demo.DemoSeeder;
import org.myotrack.refractory.FlagService;
import org.myotrack.security.Role;
import org.myotrack.security.UserService;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** On start-up, after the migrations: creates the first administrator or seeds the demo, or refuses to start. */
@ApplicationScoped
public class StartupBootstrap {

    private static final Logger LOG = Logger.getLogger(StartupBootstrap.class);

    @Inject
    MyoTrackConfig config;

    @Inject
    UserService users;

    @Inject
    DemoSeeder demoSeeder;

    @Inject
    FlagService flags;

    @Inject
    FirstStartLock firstStartLock;

    @Inject
    ManagedExecutor executor;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String builtDatabaseKind;

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseKind.requireBuiltKind(builtDatabaseKind, connection.getMetaData().getDatabaseProductName());
        } catch (IllegalStateException refusal) {
            LOG.error(refusal.getMessage());
            throw refusal;
        }
        initialise();
        // Stored flags from another rules version (changed thresholds) or from before flags were stored are
        // re-evaluated in the background: the registry serves at once, and a patient's own flags are always live.
        // Instances sharing a database may do this at the same time: each patient's evaluation locks its row, so
        // they take turns per patient and the later one rewrites the same state.
        executor.runAsync(() -> {
            int evaluated = flags.refreshStale();
            if (evaluated > 0) {
                LOG.infof("Re-evaluated the stored flags of %d patients under rules version %s", evaluated, flags.rules().version());
            }
        });
    }

    /**
     * Does the first-start work this database still needs and returns what was done. The decision and the accounts
     * it creates share one transaction under the first-start lock, so of several instances starting together on an
     * empty database exactly one initialises it and the others, let through once it has committed, find its users.
     * The demo cohort is seeded after that transaction, patient by patient.
     */
    public FirstStart initialise() {
        record Claim(FirstStart action, Map<String, Long> demoSites) {
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            firstStartLock.hold();
            FirstStart action;
            try {
                action = FirstStart.decide(users.countUsers() > 0, config.demo(), config.adminPassword());
            } catch (IllegalStateException refusal) {
                LOG.error(refusal.getMessage());
                throw refusal;
            }
            return switch (action) {
                case CREATE_ADMIN -> {
                    users.createInitialAccount("admin", config.adminPassword().orElseThrow().strip(), Role.ADMIN, null);
                    LOG.info("Created the administrator 'admin' from MYOTRACK_ADMIN_PASSWORD");
                    yield new Claim(action, Map.of());
                }
                case SEED_DEMO -> new Claim(action, demoSeeder.seedSitesAndUsers());
                case NOTHING -> {
                    LOG.debug("Registry already initialised");
                    yield new Claim(action, Map.of());
                }
            };
        });
        if (claim.action() == FirstStart.SEED_DEMO) {
            demoSeeder.seedCohort(claim.demoSites(), config.demoPatients());
        }
        return claim.action();
    }
}
