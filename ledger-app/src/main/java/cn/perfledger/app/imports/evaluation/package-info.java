/** Import of a 部门整体支出绩效自评表 (the layout of seed 002, tab-separated text or .xlsx) into a year's evaluation. */
package cn.perfledger.app.imports.evaluation;
