-- Rules version 2 inputs (clinical-v2.md "New inputs"). Every visit column is nullable: null means not recorded, so
-- the visits stored before this version keep all their values and read as "unknown" for the new ones. Patients get
-- statin exposure UNKNOWN until someone records it. One statement per column, as H2 and PostgreSQL both take it.

-- Body weight in kg, one decimal (R6: doses per kg).
ALTER TABLE visits ADD COLUMN body_weight_kg DECIMAL(4, 1);
ALTER TABLE visits ADD CONSTRAINT ck_visits_body_weight_kg
    CHECK (body_weight_kg IS NULL OR (body_weight_kg >= 2.0 AND body_weight_kg <= 300.0));

-- CDASI activity score, 0-100 points (R1b skin-predominant DM).
ALTER TABLE visits ADD COLUMN cdasi_activity INTEGER;
ALTER TABLE visits ADD CONSTRAINT ck_visits_cdasi_activity
    CHECK (cdasi_activity IS NULL OR (cdasi_activity >= 0 AND cdasi_activity <= 100));

-- ENMC 2011 IBM supporting features (R7): true, false, or null when not examined.
ALTER TABLE visits ADD COLUMN dysphagia BOOLEAN;
ALTER TABLE visits ADD COLUMN finger_flexor_weakness BOOLEAN;
ALTER TABLE visits ADD COLUMN quadriceps_weakness BOOLEAN;

-- Adding columns makes H2 rebuild the visits table and parse its constraints again on this migrating connection, so
-- V1's constant-set check of the MMT-8 scale would fail once that connection is gone (see the CASE note below): the
-- same rule, written as a CASE.
ALTER TABLE visits DROP CONSTRAINT ck_visits_mmt8_max;
ALTER TABLE visits ADD CONSTRAINT ck_visits_mmt8_max
    CHECK (mmt8_max IS NULL OR CASE mmt8_max WHEN 80 THEN TRUE WHEN 150 THEN TRUE ELSE FALSE END);

-- Statin exposure (R10, anti-HMGCR myopathy) and, when known, the day the statin was started.
ALTER TABLE patients ADD COLUMN statin_exposure VARCHAR(8) NOT NULL DEFAULT 'UNKNOWN';
-- Written as a CASE, not as IN (...) or a chain of ORs: H2 2.4.240 evaluates such a constant-set CHECK through the
-- connection that created it, and once the pool retires that (migrating) connection every write of the table fails
-- with "Check constraint invalid" until the next start (h2database issues 4291, 4302). Ranges are not affected.
ALTER TABLE patients ADD CONSTRAINT ck_patients_statin_exposure
    CHECK (CASE statin_exposure WHEN 'NEVER' THEN TRUE WHEN 'PAST' THEN TRUE WHEN 'CURRENT' THEN TRUE
           WHEN 'UNKNOWN' THEN TRUE ELSE FALSE END);
ALTER TABLE patients ADD COLUMN statin_start_date DATE;
