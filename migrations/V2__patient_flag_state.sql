-- Evaluated refractory state per patient, written in the transaction of every write to the patient's record, so
-- cohorts can be filtered by flag without evaluating rules on read. Derived data: it can always be rebuilt from
-- the record, and rows evaluated by another rules version are re-evaluated at start-up.

CREATE TABLE patient_flag_states (
    patient_id      BIGINT       NOT NULL PRIMARY KEY,
    rules_version   VARCHAR(32)  NOT NULL,
    refractory      BOOLEAN      NOT NULL,
    visit_count     INTEGER      NOT NULL,
    latest_tis      DECIMAL(5, 1),
    latest_response VARCHAR(16),
    evaluated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_patient_flag_states_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX ix_patient_flag_states_refractory ON patient_flag_states (refractory, patient_id);
CREATE INDEX ix_patient_flag_states_rules_version ON patient_flag_states (rules_version);

CREATE TABLE patient_flags (
    patient_id BIGINT      NOT NULL,
    code       VARCHAR(32) NOT NULL,
    since      DATE        NOT NULL,
    CONSTRAINT pk_patient_flags PRIMARY KEY (patient_id, code),
    CONSTRAINT fk_patient_flags_state FOREIGN KEY (patient_id) REFERENCES patient_flag_states (patient_id)
);
CREATE INDEX ix_patient_flags_code ON patient_flags (code, patient_id);
