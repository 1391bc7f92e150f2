/** {@code ledger reconcile}: adjustments waterfall, final-accounts identities and declared figures at a basis. */
package cn.perfledger.cli.reconciliation;
