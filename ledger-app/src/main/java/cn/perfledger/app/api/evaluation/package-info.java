/** REST endpoints of a department-year's self-evaluation (自评): indicators, actuals, judgement scores, submissions. */
package cn.perfledger.app.api.evaluation;
