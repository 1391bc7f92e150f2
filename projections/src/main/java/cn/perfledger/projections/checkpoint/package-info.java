/** Copies of a year's fold taken along its replay order, so that an as-of query folds one stride, not the year. */
package cn.perfledger.projections.checkpoint;
