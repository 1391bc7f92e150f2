/** Tamper evidence: a per-aggregate hash chain in every event's metadata, its verification and exported digests. */
package cn.perfledger.app.integrity;
