-- Keyed checkpoints of the event chain (cn.perfledger.app.integrity; threat model in docs/ARCHITECTURE.md).
-- Every value below carries an HMAC-SHA256 under a key held OUTSIDE the database (ledger.integrity.key /
-- LEDGER_CHAIN_KEY, or the dev key file): someone who can only write to the database cannot make a row verify.

-- One row per aggregate stream: its last event (sequence number and chain hash), updated in the transaction of
-- every append, so deleting the last events of a stream (tail truncation) leaves a head ahead of the events.
-- One row per stream, never a store-wide row: writers of different streams never touch the same row.
-- legacy_up_to: the last sequence number of events written before the keyed chain (unkeyed SHA-256 links) that
-- were accepted as legacy when the store was anchored; NULL when the stream has none. Its own MAC (legacy_mac).
CREATE TABLE stream_head (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    chain_hash           VARCHAR(64)  NOT NULL,
    key_id               VARCHAR(64)  NOT NULL,
    head_mac             VARCHAR(64)  NOT NULL,
    legacy_up_to         BIGINT,
    legacy_mac           VARCHAR(200),
    CONSTRAINT pk_stream_head PRIMARY KEY (aggregate_identifier)
);

-- The store's anchor, written once (row id 1) when this version first met the store: how many streams and
-- events written before the keyed chain were accepted as legacy at that moment (each got a keyed head).
CREATE TABLE integrity_anchor (
    anchor_id       INTEGER      NOT NULL,
    anchored_at     VARCHAR(64)  NOT NULL,
    legacy_streams  BIGINT       NOT NULL,
    legacy_events   BIGINT       NOT NULL,
    broken_streams  BIGINT       NOT NULL,
    key_id          VARCHAR(64)  NOT NULL,
    anchor_mac      VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_integrity_anchor PRIMARY KEY (anchor_id)
);

-- Periodic seals of all stream heads (ledger.integrity.seal-interval): a stream deleted together with its head
-- row is still listed in the last seal. seal_no increases by one; heads_sha256 is the SHA-256 of the seal's
-- integrity_seal_head rows (see IntegritySeals). Only the latest seals' head lists are kept.
CREATE TABLE integrity_seal (
    seal_no       BIGINT       NOT NULL,
    sealed_at     VARCHAR(64)  NOT NULL,
    stream_count  BIGINT       NOT NULL,
    heads_sha256  VARCHAR(64)  NOT NULL,
    key_id        VARCHAR(64)  NOT NULL,
    seal_mac      VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_integrity_seal PRIMARY KEY (seal_no)
);

CREATE TABLE integrity_seal_head (
    seal_no              BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    chain_hash           VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_integrity_seal_head PRIMARY KEY (seal_no, aggregate_identifier)
);
