/** The jurisdiction comparison: one row per department-year of a jurisdiction, from the year-figures read model. */
package cn.perfledger.app.readmodel.comparison;
