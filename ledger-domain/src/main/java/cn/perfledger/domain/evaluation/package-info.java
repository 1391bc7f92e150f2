/**
 * The self-evaluation (部门整体支出绩效自评) of one department-year: performance indicators with their targets
 * and actuals, judgement scores with their basis, bonus/penalty entries and the submissions of the scored
 * table. Target and actual texts are kept as written and parsed into exact, comparable values.
 */
package cn.perfledger.domain.evaluation;
