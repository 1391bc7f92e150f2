-- Read-model rows bound to the events they were built from, with a keyed MAC (cn.perfledger.app.integrity):
-- a row edited in the database no longer verifies and is not served (the answer falls back to a replay).
-- row_mac = "keyId:hex HMAC-SHA256" over the row's columns (ReadModelSeal); NULL for rows written before this
-- version, which are treated like altered ones (replayed) until the processor rewrites them.
-- bound_streams: the stream positions the year_figures row was folded up to ("aggregate@sequence;…").
ALTER TABLE year_figures ADD COLUMN bound_streams CLOB;
ALTER TABLE year_figures ADD COLUMN row_mac VARCHAR(200);
ALTER TABLE department_directory ADD COLUMN row_mac VARCHAR(200);
ALTER TABLE unit_directory ADD COLUMN row_mac VARCHAR(200);
ALTER TABLE fiscal_year_directory ADD COLUMN row_mac VARCHAR(200);
