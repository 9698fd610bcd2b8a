-- Inputs of the clinical rules, version 2 (clinical-v2.md): body weight, CDASI activity and the ENMC signs per visit,
-- statin exposure per patient. Every column is optional or defaulted, so existing records are kept and read as unknown.

ALTER TABLE visits ADD COLUMN body_weight_kg DECIMAL(4, 1);
ALTER TABLE visits ADD COLUMN cdasi_activity INTEGER;
ALTER TABLE visits ADD COLUMN dysphagia BOOLEAN;
ALTER TABLE visits ADD COLUMN finger_flexor_weakness BOOLEAN;
ALTER TABLE visits ADD COLUMN quadriceps_weakness BOOLEAN;
ALTER TABLE visits ADD CONSTRAINT ck_visits_body_weight CHECK (body_weight_kg IS NULL OR (body_weight_kg >= 2.0 AND body_weight_kg <= 300.0));
ALTER TABLE visits ADD CONSTRAINT ck_visits_cdasi_activity CHECK (cdasi_activity IS NULL OR (cdasi_activity >= 0 AND cdasi_activity <= 100));

ALTER TABLE patients ADD COLUMN statin_exposure VARCHAR(8) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE patients ADD COLUMN statin_start_date DATE;
ALTER TABLE patients ADD CONSTRAINT ck_patients_statin_exposure CHECK (statin_exposure IN ('NEVER', 'PAST', 'CURRENT', 'UNKNOWN'));
