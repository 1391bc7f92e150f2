-- Read model "directory": the departments, their units and their fiscal years, for GET /api/v1/departments.
-- Written only by the tracking event processor "directory" (DirectoryProjection); rebuildable from the event
-- store at any time (the reset handler empties these tables and the processor replays from the first event).
-- Idempotent: each row remembers the aggregate sequence number of the last event applied to it
-- (last_sequence), and an event at or below it is skipped, so a redelivered event changes nothing.

CREATE TABLE department_directory (
    department_id  VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    jurisdiction   VARCHAR(100),
    registered_on  DATE         NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT pk_department_directory PRIMARY KEY (department_id)
);

CREATE TABLE unit_directory (
    department_id  VARCHAR(64)  NOT NULL,
    unit_code      VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    head_office    BOOLEAN      NOT NULL,
    sort_order     INTEGER      NOT NULL,
    added_on       DATE         NOT NULL,
    CONSTRAINT pk_unit_directory PRIMARY KEY (department_id, unit_code)
);

CREATE TABLE fiscal_year_directory (
    fiscal_year_id  VARCHAR(128) NOT NULL,
    department_id   VARCHAR(64)  NOT NULL,
    fiscal_year     INTEGER      NOT NULL,
    department_name VARCHAR(200) NOT NULL,
    rubric_version  VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    opened_at       VARCHAR(64)  NOT NULL,
    closed_at       VARCHAR(64),
    last_sequence   BIGINT       NOT NULL,
    CONSTRAINT pk_fiscal_year_directory PRIMARY KEY (fiscal_year_id)
);
CREATE INDEX ix_fiscal_year_directory_department ON fiscal_year_directory (department_id, fiscal_year);
