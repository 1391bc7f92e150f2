/** Export of a department-year at a basis as an .xlsx workbook: the REST download, the browser download, the service. */
package cn.perfledger.app.export;
