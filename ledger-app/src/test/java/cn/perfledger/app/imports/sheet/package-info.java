/** Tests of reading uploaded .xlsx and .csv files into rows as Excel shows them. */
package cn.perfledger.app.imports.sheet;
