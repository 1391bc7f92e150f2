/** Tests of the Idempotency-Key mechanism of the write endpoints. */
package cn.perfledger.app.idempotency;
