-- Axon Framework 4.12 JDBC infrastructure on PostgreSQL.
-- Axon's JdbcEventStorageEngine, JdbcTokenStore, JdbcSagaStore and JdbcSequencedDeadLetterQueue create no
-- tables themselves in this application: Flyway owns the schema. Names and columns follow Axon's defaults
-- (EventSchema, TokenSchema, SagaSchema, DeadLetterSchema): unquoted camelCase identifiers, which PostgreSQL
-- folds to lower case in both the DDL and Axon's statements. Timestamps are ISO-8601 strings, as Axon writes
-- them. Serialized data is bytea (never oid large objects).

-- The event store. globalIndex is the global order every tracking processor follows. PostgreSQL sequences are
-- not transactional: a transaction that drew a value and rolled back (a refused batch, a concurrency conflict)
-- leaves a gap, and with several writers a lower value may commit after a higher one. Axon's
-- GapAwareTrackingToken remembers such gaps, picks the late events up when they commit and stops waiting for
-- a gap after the gap timeout, so tracking processors neither miss nor repeat events.
CREATE TABLE DomainEventEntry (
    globalIndex         BIGSERIAL     NOT NULL,
    aggregateIdentifier VARCHAR(255)  NOT NULL,
    sequenceNumber      BIGINT        NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255)  NOT NULL,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255)  NOT NULL,
    timeStamp           VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_domain_event PRIMARY KEY (globalIndex),
    -- optimistic concurrency: two commands (or two application instances) cannot both append sequence number n
    -- of one aggregate
    CONSTRAINT uk_domain_event_aggregate_seq UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_domain_event_id UNIQUE (eventIdentifier)
);

-- Axon creates tracking tokens "at a time" with  WHERE timeStamp >= ?
CREATE INDEX ix_domain_event_timestamp ON DomainEventEntry (timeStamp);

-- Snapshots: Axon keeps the latest per aggregate (it deletes older ones after storing a new one).
CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255)  NOT NULL,
    sequenceNumber      BIGINT        NOT NULL,
    type                VARCHAR(255)  NOT NULL,
    eventIdentifier     VARCHAR(255)  NOT NULL,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255)  NOT NULL,
    timeStamp           VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_snapshot_event PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_snapshot_event_id UNIQUE (eventIdentifier)
);

-- Tracking tokens of the event processors (JdbcTokenStore), one row per processor segment, plus Axon's
-- '__config' row that stores the token store's identifier.
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT pk_token_entry PRIMARY KEY (processorName, segment)
);

-- Sagas (JdbcSagaStore, registered by Axon's autoconfiguration even though the ledger has no sagas yet).
CREATE TABLE SagaEntry (
    sagaId         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA,
    CONSTRAINT pk_saga_entry PRIMARY KEY (sagaId)
);

CREATE TABLE AssociationValueEntry (
    id               BIGSERIAL    NOT NULL,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaId           VARCHAR(255),
    sagaType         VARCHAR(255),
    CONSTRAINT pk_association_value_entry PRIMARY KEY (id)
);
CREATE INDEX ix_association_lookup ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX ix_association_saga ON AssociationValueEntry (sagaId, sagaType);

-- Dead letters of event processors (JdbcSequencedDeadLetterQueue; used only if a processor enables it).
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_dead_letter PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT uk_dead_letter_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX ix_dead_letter_group ON DeadLetterEntry (processingGroup);
CREATE INDEX ix_dead_letter_sequence ON DeadLetterEntry (processingGroup, sequenceIdentifier);
