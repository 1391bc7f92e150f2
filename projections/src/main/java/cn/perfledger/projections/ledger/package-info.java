/** Ledger figures of a department-year folded from budget events: waterfall, execution, carry-over. */
package cn.perfledger.projections.ledger;
