/** Upcasters that read older stored revisions of the ledger's events as the current ones (schema evolution). */
package cn.perfledger.app.upcasting;
