/** Idempotency-Key for every write endpoint: a repeated request is answered with the first one's response. */
package cn.perfledger.app.idempotency;
