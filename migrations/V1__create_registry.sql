-- MyoTrack registry schema, version 1.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
-- Editable rows carry a `version` column for optimistic locking; clinical rows are soft-deleted
-- (`deleted_at`) so that nothing entered is ever lost and the audit trail keeps its subject.

CREATE SEQUENCE sites_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE patients_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE autoantibodies_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE diagnosis_history_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE visits_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE enzyme_results_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE therapies_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE investigations_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE audit_events_seq START WITH 1 INCREMENT BY 50;
-- Registry codes (P000001, …) are handed out one by one, independent of row ids, so they stay dense and stable.
CREATE SEQUENCE registry_codes_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sites (
    id          BIGINT       NOT NULL PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_sites_code UNIQUE (code)
);

CREATE TABLE users (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    site_id       BIGINT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT fk_users_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT ck_users_role CHECK (role IN ('CLINICIAN', 'COORDINATOR', 'ADMIN')),
    CONSTRAINT ck_users_clinician_site CHECK (role <> 'CLINICIAN' OR site_id IS NOT NULL)
);

CREATE TABLE patients (
    id                BIGINT       NOT NULL PRIMARY KEY,
    registry_code     VARCHAR(16)  NOT NULL,
    site_id           BIGINT       NOT NULL,
    external_id       VARCHAR(64)  NOT NULL,
    sex               VARCHAR(8)   NOT NULL,
    birth_date        DATE         NOT NULL,
    diagnosis         VARCHAR(16)  NOT NULL,
    diagnosis_date    DATE,
    onset_date        DATE,
    cancer_associated BOOLEAN      NOT NULL DEFAULT FALSE,
    ild               BOOLEAN      NOT NULL DEFAULT FALSE,
    juvenile          BOOLEAN      NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_patients_registry_code UNIQUE (registry_code),
    CONSTRAINT uq_patients_site_external_id UNIQUE (site_id, external_id),
    CONSTRAINT fk_patients_site FOREIGN KEY (site_id) REFERENCES sites (id)
);
CREATE INDEX ix_patients_site_diagnosis ON patients (site_id, diagnosis);
CREATE INDEX ix_patients_diagnosis ON patients (diagnosis);

-- Serology: one row per antibody test; replaced as a set when the patient is edited (the audit keeps the old set).
CREATE TABLE autoantibodies (
    id          BIGINT      NOT NULL PRIMARY KEY,
    patient_id  BIGINT      NOT NULL,
    antibody    VARCHAR(16) NOT NULL,
    test_result VARCHAR(16) NOT NULL,
    test_date   DATE,
    CONSTRAINT fk_autoantibodies_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX ix_autoantibodies_patient ON autoantibodies (patient_id);
CREATE INDEX ix_autoantibodies_antibody_result ON autoantibodies (antibody, test_result, patient_id);

-- Diagnosis history: appended whenever a patient's subgroup changes, never rewritten.
CREATE TABLE diagnosis_history (
    id             BIGINT      NOT NULL PRIMARY KEY,
    patient_id     BIGINT      NOT NULL,
    diagnosis      VARCHAR(16) NOT NULL,
    diagnosis_date DATE,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(64) NOT NULL,
    CONSTRAINT fk_diagnosis_history_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX ix_diagnosis_history_patient ON diagnosis_history (patient_id);

CREATE TABLE visits (
    id                        BIGINT        NOT NULL PRIMARY KEY,
    patient_id                BIGINT        NOT NULL,
    visit_date                DATE          NOT NULL,
    physician_global_activity DECIMAL(4, 1),
    patient_global_activity   DECIMAL(4, 1),
    mmt8                      INTEGER,
    mmt8_max                  INTEGER,
    cmas                      INTEGER,
    haq                       DECIMAL(5, 3),
    extramuscular_activity    DECIMAL(4, 1),
    physician_global_damage   DECIMAL(4, 1),
    patient_global_damage     DECIMAL(4, 1),
    mdi_extent                INTEGER,
    mdi_severity              DECIMAL(5, 1),
    sf36_pcs                  DECIMAL(5, 1),
    sf36_mcs                  DECIMAL(5, 1),
    functional_index          DECIMAL(5, 1),
    notes                     VARCHAR(4000),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at                TIMESTAMP WITH TIME ZONE,
    version                   BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_visits_patient FOREIGN KEY (patient_id) REFERENCES patients (id),
    CONSTRAINT ck_visits_mmt8_max CHECK (mmt8_max IS NULL OR mmt8_max IN (80, 150)),
    CONSTRAINT ck_visits_mmt8 CHECK (mmt8 IS NULL OR (mmt8 >= 0 AND mmt8 <= mmt8_max))
);
-- A patient's visits in date order: trajectory, visit list, flags.
CREATE INDEX ix_visits_patient_date ON visits (patient_id, visit_date);

CREATE TABLE enzyme_results (
    id          BIGINT         NOT NULL PRIMARY KEY,
    visit_id    BIGINT         NOT NULL,
    test        VARCHAR(16)    NOT NULL,
    test_value  DECIMAL(12, 2) NOT NULL,
    uln         DECIMAL(12, 2) NOT NULL,
    unit        VARCHAR(16)    NOT NULL,
    CONSTRAINT fk_enzyme_results_visit FOREIGN KEY (visit_id) REFERENCES visits (id),
    CONSTRAINT ck_enzyme_results_uln CHECK (uln > 0),
    CONSTRAINT ck_enzyme_results_value CHECK (test_value >= 0)
);
CREATE INDEX ix_enzyme_results_visit ON enzyme_results (visit_id);

CREATE TABLE therapies (
    id          BIGINT         NOT NULL PRIMARY KEY,
    patient_id  BIGINT         NOT NULL,
    drug        VARCHAR(32)    NOT NULL,
    drug_name   VARCHAR(100),
    dose        DECIMAL(10, 3),
    dose_unit   VARCHAR(16),
    frequency   VARCHAR(16),
    route       VARCHAR(8),
    start_date  DATE           NOT NULL,
    end_date    DATE,
    stop_reason VARCHAR(16),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_therapies_patient FOREIGN KEY (patient_id) REFERENCES patients (id),
    CONSTRAINT ck_therapies_period CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ix_therapies_patient_start ON therapies (patient_id, start_date);
CREATE INDEX ix_therapies_drug ON therapies (drug, patient_id);

CREATE TABLE investigations (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    patient_id         BIGINT        NOT NULL,
    investigation_date DATE          NOT NULL,
    investigation_type VARCHAR(8)    NOT NULL,
    notes              VARCHAR(4000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_investigations_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX ix_investigations_patient_date ON investigations (patient_id, investigation_date);

CREATE TABLE investigation_findings (
    investigation_id BIGINT      NOT NULL,
    finding          VARCHAR(32) NOT NULL,
    CONSTRAINT pk_investigation_findings PRIMARY KEY (investigation_id, finding),
    CONSTRAINT fk_investigation_findings_investigation FOREIGN KEY (investigation_id) REFERENCES investigations (id)
);

-- Append-only audit trail: the application never updates or deletes these rows.
CREATE TABLE audit_events (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    entity_type VARCHAR(16)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    patient_id  BIGINT,
    old_value   VARCHAR(1000000),
    new_value   VARCHAR(1000000)
);
CREATE INDEX ix_audit_events_patient ON audit_events (patient_id, occurred_at);
CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id);
