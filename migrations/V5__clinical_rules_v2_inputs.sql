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

-- Statin exposure (R10, anti-HMGCR myopathy) and, when known, the day the statin was started.
ALTER TABLE patients ADD COLUMN statin_exposure VARCHAR(8) NOT NULL DEFAULT 'UNKNOWN';
ALTER TABLE patients ADD CONSTRAINT ck_patients_statin_exposure
    CHECK (statin_exposure IN ('NEVER', 'PAST', 'CURRENT', 'UNKNOWN'));
ALTER TABLE patients ADD COLUMN statin_start_date DATE;
