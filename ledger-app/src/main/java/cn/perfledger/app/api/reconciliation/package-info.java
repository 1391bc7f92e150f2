/** REST endpoints of reconciliation: the report at a basis and the recording of declared figures. */
package cn.perfledger.app.api.reconciliation;
