package org.myotrack.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Registry settings under {@code myotrack.*}; each can also be set as an environment variable. */
@ConfigMapping(prefix = "myotrack")
public interface MyoTrackConfig {

    /** Folder of the embedded H2 database and registry secrets (env {@code MYOTRACK_DATA_DIR}). */
    @WithDefault("./data")
    String dataDir();

    /** Seed the demo sites, users and synthetic cohort on an empty database (env {@code MYOTRACK_DEMO}). */
    @WithDefault("false")
    boolean demo();

    /** Number of synthetic patients the demo seeds. */
    @WithDefault("48")
    int demoPatients();

    /** Password of the {@code admin} user created on the first start outside demo mode (env {@code MYOTRACK_ADMIN_PASSWORD}). */
    Optional<String> adminPassword();

    /**
     * Key encrypting the session cookie of the web pages (env {@code MYOTRACK_SESSION_KEY}, at least 32 characters);
     * when unset, one is generated on first start and kept in the data directory, so sessions survive a restart.
     */
    Optional<String> sessionKey();

    /** De-identification of cohort exports. */
    Export export();

    /** De-identification settings of cohort exports (api.md "Cohorts"). */
    interface Export {

        /**
         * Registry secret keying pseudonyms and date shifts (env {@code MYOTRACK_EXPORT_SECRET}, at least 32
         * characters); when unset, one is generated on first use and kept in the data directory. Changing it
         * changes every pseudonym and date shift.
         */
        Optional<String> secret();

        /** Smallest group over (site, sex, birth year, diagnosis) an export may show before birth years are banded. */
        @WithDefault("5")
        int minimumGroupSize();

        /** Width in years of the birth-year bands used when a group is smaller than the minimum. */
        @WithDefault("5")
        int birthYearBand();
    }

    /** Largest JSON request body accepted; a larger one is refused with 413 before it is read. */
    @WithDefault("10M")
    MemorySize maxJsonBytes();

    /** CSV imports of visits and therapies. */
    @WithName("import")
    Import importing();

    /** CSV imports of visits and therapies. */
    interface Import {

        /**
         * Largest CSV file accepted in one import (e.g. {@code 50M}); a larger one is refused with 413. Must stay below
         * {@code quarkus.http.limits.max-body-size}, the server's ceiling for any request.
         */
        @WithDefault("50M")
        MemorySize maxBytes();
    }

    /** Holding back a user name after repeated failed sign-ins (API and login form). */
    Login login();

    /**
     * Failed sign-ins are counted per user name and client address; at {@code maxFailures} within {@code window} that
     * pair is held back (API: 429 with Retry-After; login form: a message) for {@code lockout}, doubling at each further
     * hold up to {@code maxLockout}. Other users and other addresses are not slowed.
     */
    interface Login {

        /** Failed sign-ins of one user name from one address, within the window, that start a hold. */
        @WithDefault("5")
        int maxFailures();

        /** Failures older than this are forgotten, and a quiet window after a hold resets the doubling. */
        @WithDefault("15m")
        Duration window();

        /** Length of the first hold; each further hold within the window lasts twice as long. */
        @WithDefault("1m")
        Duration lockout();

        /** Longest hold, however often the sign-in fails: nobody is locked out for longer. */
        @WithDefault("15m")
        Duration maxLockout();

        /** User name and address pairs remembered at once; past it idle ones are forgotten, bounding memory. */
        @WithDefault("100000")
        int maxTracked();
    }

    /** Thresholds of the registry's clinical rules (clinical.md §6, clinical-v2.md R1–R10), kept out of code. */
    Rules rules();

    /**
     * Rule thresholds with the defaults of clinical-v2.md; changing any changes the reported rules version. Each says
     * whether its number is published or a registry choice.
     */
    interface Rules {

        /** Weeks a drug or a glucocorticoid + immunosuppressant combination must be taken to be an adequate trial (published: German S2k, 3 months). */
        @WithDefault("12")
        int adequateTrialWeeks();

        /** Prednisone-equivalent mg/day above which a long glucocorticoid course counts as dependence (published: German S2k Cushing threshold). */
        @WithDefault("7.5")
        double dependenceDoseMg();

        /** Months into a continuous glucocorticoid course from which the dependence dose counts (registry choice). */
        @WithDefault("6")
        int dependenceMonths();

        /** Longest gap in days that does not break a continuous therapy course (registry choice). */
        @WithDefault("30")
        int courseGapDays();

        /** R1a: MMT-8 at or below this fraction of its maximum is weak enough for active disease in adults (published: RIM, 125/150). */
        @WithDefault("0.8333333333333334")
        double activeMmt8FractionOfMax();

        /** MMT-8 below this fraction of its maximum is weak (published: ProDERM, 142/150). */
        @WithDefault("0.9466666666666667")
        double weakMmt8FractionOfMax();

        /** Without MMT-8, CMAS below this is weak (registry choice: PRINTO clinically-inactive threshold, Lazarevic 2013). */
        @WithDefault("48")
        int weakCmas();

        /** A physician, patient or extramuscular global (cm) at or above this is abnormal (RIM; to be checked against Oddis 2013 Table 1). */
        @WithDefault("2")
        double activeGlobalCm();

        /** A muscle enzyme (CK, aldolase, LDH) above this multiple of its ULN is abnormal (RIM; to be checked against Oddis 2013 Table 1). */
        @WithDefault("1.5")
        double activeEnzymeTimesUln();

        /** HAQ/CHAQ at or above this is abnormal (RIM; to be checked against Oddis 2013 Table 1). */
        @WithDefault("0.25")
        double activeHaq();

        /** R1b: CDASI activity at or above this is moderate-to-severe skin disease (registry choice: Anyanwu 2015, ≤ 14 mild). */
        @WithDefault("15")
        int skinCdasiActivity();

        /** R2b: least rise (cm) of a VAS global from 0 that counts as worse (registry choice). */
        @WithDefault("1.0")
        double riseFromZeroCm();

        /** R2b: least rise of the HAQ/CHAQ from 0 that counts as worse (registry choice). */
        @WithDefault("0.25")
        double riseFromZeroHaq();

        /** Days before a regimen began within which a visit can be its baseline (registry choice). */
        @WithDefault("30")
        int regimenBaselineDaysBefore();

        /** Days after a regimen began within which a visit can be its baseline (registry choice). */
        @WithDefault("14")
        int regimenBaselineDaysAfter();

        /** R6: a body weight converts a dose per kg on a day at most this many days away (registry choice). */
        @WithDefault("90")
        int bodyWeightWindowDays();

        /** R6: juvenile dependence threshold in mg/kg/day, as min(dependence dose, this × weight) (registry choice, to be confirmed by paediatrics). */
        @WithDefault("0.2")
        double juvenileDependenceMgPerKg();

        /** R9a compares with the latest visit at least this many months earlier (registry choice). */
        @WithDefault("3")
        int weaknessLookbackMonths();

        /** Prednisone-equivalent mg/day that, held long enough, suggests glucocorticoid myopathy (registry choice). */
        @WithDefault("20")
        double steroidMyopathyDoseMg();

        /** Weeks at the myopathy dose that suggest glucocorticoid myopathy (registry choice). */
        @WithDefault("4")
        int steroidMyopathyWeeks();

        /** R9b: strength gain in percent of the first visit (registry choice). */
        @WithDefault("10")
        double enzymesWithoutWeaknessGainPercent();

        /** R7 M1: symptom onset strictly after this age (published: ENMC 2011). */
        @WithDefault("45")
        int ibmOnsetAge();

        /** R7 M2: disease duration strictly above this many months (published: ENMC 2011). */
        @WithDefault("12")
        int ibmDurationMonths();

        /** R7 M3: every CK at most this multiple of its ULN (published: ENMC 2011). */
        @WithDefault("15")
        double ibmMaxCkTimesUln();

        /** R7 S4: slow progression judged against the latest visit at least this many months earlier (registry choice). */
        @WithDefault("12")
        int ibmProgressionMonths();

        /** The thresholds as the plain-Java rules take them. */
        default org.myotrack.refractory.RuleConfig toRuleConfig() {
            return new org.myotrack.refractory.RuleConfig(adequateTrialWeeks(), dependenceDoseMg(), dependenceMonths(),
                    courseGapDays(), activeMmt8FractionOfMax(), weakMmt8FractionOfMax(), weakCmas(), activeGlobalCm(),
                    activeEnzymeTimesUln(), activeHaq(), skinCdasiActivity(), riseFromZeroCm(), riseFromZeroHaq(),
                    regimenBaselineDaysBefore(), regimenBaselineDaysAfter(), bodyWeightWindowDays(),
                    juvenileDependenceMgPerKg(), weaknessLookbackMonths(), steroidMyopathyDoseMg(),
                    steroidMyopathyWeeks(), enzymesWithoutWeaknessGainPercent(), ibmOnsetAge(), ibmDurationMonths(),
                    ibmMaxCkTimesUln(), ibmProgressionMonths());
        }
    }
}
