-- On H2 a foreign key made before the index of its column brings an index of its own: the tables below held two
-- identical indexes on the referencing column, and every insert wrote both. Made again now that the index exists,
-- each foreign key uses it (H2) or needs none (PostgreSQL), on both databases with the same statements.
-- The foreign keys whose column only begins an index (visits, therapies, investigations, …) keep theirs: H2 reuses
-- an index for a foreign key only when it covers exactly the key's columns.

ALTER TABLE autoantibodies DROP CONSTRAINT fk_autoantibodies_patient;
ALTER TABLE autoantibodies ADD CONSTRAINT fk_autoantibodies_patient FOREIGN KEY (patient_id) REFERENCES patients (id);

ALTER TABLE diagnosis_history DROP CONSTRAINT fk_diagnosis_history_patient;
ALTER TABLE diagnosis_history ADD CONSTRAINT fk_diagnosis_history_patient FOREIGN KEY (patient_id) REFERENCES patients (id);

ALTER TABLE enzyme_results DROP CONSTRAINT fk_enzyme_results_visit;
ALTER TABLE enzyme_results ADD CONSTRAINT fk_enzyme_results_visit FOREIGN KEY (visit_id) REFERENCES visits (id);
