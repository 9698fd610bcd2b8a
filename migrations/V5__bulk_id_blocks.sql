-- The tables a CSV import fills by the hundred thousand take ids in blocks of 1,000 instead of 50. Every block is one
-- NEXT VALUE, and on H2 every 32nd NEXT VALUE of a sequence writes its state to disk, with everything the import had
-- written so far: with blocks of 50, an import of 100,000 visits spent about 2 s of its 16 s there. Blocks never
-- overlap: a block starts at the value read and the next value read is at least one whole block further, so ids
-- already handed out in blocks of 50 stay below the first block of 1,000. An instance that stops leaves the rest of
-- its block unused, which is harmless for 64-bit ids. The entities' allocationSize is the same number (Hibernate
-- refuses to start when the two differ).

ALTER SEQUENCE visits_seq INCREMENT BY 1000;
ALTER SEQUENCE enzyme_results_seq INCREMENT BY 1000;
ALTER SEQUENCE audit_events_seq INCREMENT BY 1000;
ALTER SEQUENCE therapies_seq INCREMENT BY 1000;
