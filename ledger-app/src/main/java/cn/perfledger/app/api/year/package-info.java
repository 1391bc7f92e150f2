/** REST reads of a department-year at a basis: execution, 结转结余, indicators and the scored 自评表. */
package cn.perfledger.app.api.year;
