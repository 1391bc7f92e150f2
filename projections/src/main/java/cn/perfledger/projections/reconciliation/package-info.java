/** Reconciliation of a department-year: adjustment waterfall, identities, and declared figures against the ledger. */
package cn.perfledger.projections.reconciliation;
