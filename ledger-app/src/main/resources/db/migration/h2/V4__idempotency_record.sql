-- Idempotency-Key records of the REST API (cn.perfledger.app.idempotency.IdempotencyFilter).
-- A POST under /api/v1 that carries an Idempotency-Key first claims the key here (status NULL: in progress),
-- the primary key deciding between two concurrent requests with the same key. After the command succeeded
-- (Axon committed its events in its own unit of work) the record is completed with the response; a refused
-- request (4xx/5xx, nothing written) releases its claim. request_hash is the SHA-256 of method, path, query
-- and body: the same key with another request is refused.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    http_method     VARCHAR(16)   NOT NULL,
    request_path    VARCHAR(2000) NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(200),
    response_body   VARBINARY,
    created_at      VARCHAR(64)   NOT NULL,
    completed_at    VARCHAR(64),
    CONSTRAINT pk_idempotency_record PRIMARY KEY (idempotency_key)
);
