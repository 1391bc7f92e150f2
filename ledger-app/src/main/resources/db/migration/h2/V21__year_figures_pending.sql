-- Years whose year_figures row is behind what the "year-figures" processor has folded: the processor writes a
-- year's row at most once per ledger.read-models.year-figures.write-interval and leaves a mark here, in the same
-- transaction as its token, for every year it folded without writing. The mark is removed with the row's write.
-- After a crash the token has passed those events and will not deliver them again: on start the marked years are
-- folded from their events and written, so no row stays behind its streams waiting for the year's next write.
CREATE TABLE year_figures_pending (
    fiscal_year_id     VARCHAR(128) NOT NULL,
    CONSTRAINT pk_year_figures_pending PRIMARY KEY (fiscal_year_id)
);
