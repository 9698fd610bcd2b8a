package org.myotrack.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.myotrack.common.MyoTrackConfig;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.myotrack.demo.DemoSeeder;
import org.myotrack.refractory.FlagService;
import org.myotrack.security.Role;
import org.myotrack.security.UserService;

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
    ManagedExecutor executor;

    void onStart(@Observes StartupEvent event) {
        FirstStart action;
        try {
            action = FirstStart.decide(users.countUsers() > 0, config.demo(), config.adminPassword());
        } catch (IllegalStateException refusal) {
            LOG.error(refusal.getMessage());
            throw refusal;
        }
        switch (action) {
            case CREATE_ADMIN -> {
                users.createInitialAccount("admin", config.adminPassword().orElseThrow().strip(), Role.ADMIN, null);
                LOG.info("Created the administrator 'admin' from MYOTRACK_ADMIN_PASSWORD");
            }
            case SEED_DEMO -> demoSeeder.seed(config.demoPatients());
            case NOTHING -> LOG.debug("Registry already initialised");
        }
        // Stored flags from another rules version (changed thresholds) or from before flags were stored are
        // re-evaluated in the background: the registry serves at once, and a patient's own flags are always live.
        executor.runAsync(() -> {
            int evaluated = flags.refreshStale();
            if (evaluated > 0) {
                LOG.infof("Re-evaluated the stored flags of %d patients under rules version %s", evaluated, flags.rules().version());
            }
        });
    }
}
