/** The .xlsx workbook (Apache POI): 自评表 in the official layout, execution and 决算 tables; no formulas, ever. */
package cn.perfledger.app.export.xlsx;
