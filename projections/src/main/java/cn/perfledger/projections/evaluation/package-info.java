/** The evaluation folded from its events: indicators with completion rates, judgements, bonus/penalty, submissions. */
package cn.perfledger.projections.evaluation;
