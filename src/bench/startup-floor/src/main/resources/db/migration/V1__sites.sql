CREATE TABLE sites (
    id   BIGINT       NOT NULL PRIMARY KEY,
    code VARCHAR(32)  NOT NULL,
    name VARCHAR(200) NOT NULL,
    CONSTRAINT uq_sites_code UNIQUE (code)
);
