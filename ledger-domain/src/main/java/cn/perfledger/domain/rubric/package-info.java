/**
 * Scoring rubrics (评分规则) as versioned data: a weighted tree of 一级/二级/三级 items whose leaves each name a
 * scoring rule and where its input comes from (a ledger metric, an indicator or indicator group, a judgement,
 * the bonus/penalty entries), plus rounding and grade bands. A rubric found in a seed document is encoded as
 * data marked with its source, so that an official rule text later replaces data, not code.
 */
package cn.perfledger.domain.rubric;
