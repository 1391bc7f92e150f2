/** Reads the first sheet of an uploaded .xlsx or .csv file into numbered rows of cell texts, as the user sees them. */
package cn.perfledger.app.imports.sheet;
