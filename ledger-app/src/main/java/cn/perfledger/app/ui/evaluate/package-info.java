/** The evaluator's (评价) write pages: indicators, actuals, the judgement sheet, bonus/penalty, import, submission. */
package cn.perfledger.app.ui.evaluate;
