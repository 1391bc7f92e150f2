-- The full chunks of the budget ledger's snapshots (issue 14): a snapshot's vouchers are cut, in recording order,
-- into chunks that never change once full, so each full chunk is stored once, here, and the snapshot row
-- (SnapshotEventEntry) names it by chunk number and SHA-256 in its payload. The snapshot's keyed MAC covers that
-- payload, hence the hashes; a chunk that is missing or does not hash to the name the snapshot gives it discards
-- the snapshot (the aggregate is rebuilt from its events). Written by ChainingEventStorageEngine, read back by
-- StrictSnapshotStorageEngine, through SnapshotChunks.
CREATE TABLE snapshot_chunk (
    aggregate_identifier VARCHAR(255) NOT NULL,
    chunk_number         INTEGER      NOT NULL,
    sha256               CHAR(64)     NOT NULL,
    payload              BYTEA        NOT NULL,
    CONSTRAINT pk_snapshot_chunk PRIMARY KEY (aggregate_identifier, chunk_number)
);
