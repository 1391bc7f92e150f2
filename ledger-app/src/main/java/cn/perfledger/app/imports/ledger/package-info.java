/** Import of budget lines, budgets, adjustments and vouchers from the documented .xlsx/.csv template (docs/IMPORT.md). */
package cn.perfledger.app.imports.ledger;
