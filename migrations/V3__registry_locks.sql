-- Named lock rows, taken with SELECT … FOR UPDATE: portable on H2 and PostgreSQL, and held until the transaction
-- ends. Several registry instances may share one PostgreSQL database; the first-start row makes the instances
-- starting on an empty database decide one after the other, so only one creates the administrator or the demo.

CREATE TABLE registry_locks (
    name VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO registry_locks (name) VALUES ('first-start');
