/** Read model "year-figures": each department-year's current figures kept in the database by a tracking processor. */
package cn.perfledger.app.readmodel.figures;
