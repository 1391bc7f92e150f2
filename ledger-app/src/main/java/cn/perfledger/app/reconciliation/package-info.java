/** The reconciliation report of a department-year at a basis (waterfall, identities, declared figures). */
package cn.perfledger.app.reconciliation;
