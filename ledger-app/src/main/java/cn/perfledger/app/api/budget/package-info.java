/** REST endpoints of a department-year's budget ledger (预算台账): one per command of the BudgetLedger aggregate. */
package cn.perfledger.app.api.budget;
