/** Tests of the year-figures read model: stored rows against the on-demand replay, incremental against rebuilt. */
package cn.perfledger.app.readmodel.figures;
