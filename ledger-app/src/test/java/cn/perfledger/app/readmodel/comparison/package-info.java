/** Tests of the jurisdiction comparison over the year-figures read model. */
package cn.perfledger.app.readmodel.comparison;
