/**
 * Concurrent writers on real PostgreSQL (8 threads on one instance; two instances sharing one schema): nothing
 * lost, nothing duplicated, no sequence gap, exact totals, the budget invariant intact under races.
 */
package cn.perfledger.app.concurrency;
