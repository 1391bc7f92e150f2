/** Unit tests of the workbook writer: formula neutralisation and byte-for-byte determinism. */
package cn.perfledger.app.export.xlsx;
