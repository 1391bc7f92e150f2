-- Read model "year-figures": the current figures of each department-year, kept by the tracking event processor
-- "year-figures" (YearFiguresProjection) in the processor's transaction, together with its token. Each JSON column
-- holds the canonical JSON (CanonicalJson) of one view of SelfEvaluationFold at the basis "every event recorded up
-- to last_global_index, asOf = the year's 12-31" -- byte for byte what GET .../execution, /carryover,
-- /indicators and /evaluation answer at (12-31, now) once the processor has caught up. evaluation_json is NULL
-- while the year has no published rubric. Rebuildable at any time: the reset handler empties both tables and
-- the processor replays from the first event (POST /api/v1/admin/read-models/year-figures/rebuild).
CREATE TABLE year_figures (
    fiscal_year_id     VARCHAR(128) NOT NULL,
    department_id      VARCHAR(64)  NOT NULL,
    fiscal_year        INTEGER      NOT NULL,
    as_of              DATE         NOT NULL,
    -- highest global index among the year's events (and its rubrics' events) the row reflects
    last_global_index  BIGINT       NOT NULL,
    -- how many of those events the basis admits (effective on or before as_of)
    events_applied     INTEGER      NOT NULL,
    execution_json     CLOB         NOT NULL,
    carryover_json     CLOB         NOT NULL,
    indicators_json    CLOB         NOT NULL,
    evaluation_json    CLOB,
    updated_at         VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_year_figures PRIMARY KEY (fiscal_year_id)
);

-- Which years name which rubric version (FiscalYearOpened / EvaluationStarted): a rubric event published or
-- retired later must refresh every year that names it, including years whose fold is not in memory.
CREATE TABLE year_figures_rubric (
    rubric_version_id  VARCHAR(64)  NOT NULL,
    fiscal_year_id     VARCHAR(128) NOT NULL,
    CONSTRAINT pk_year_figures_rubric PRIMARY KEY (rubric_version_id, fiscal_year_id)
);
