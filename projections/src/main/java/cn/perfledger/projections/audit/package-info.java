/** Auditor workflows on the scored 自评表: submissions replayed two ways, score lineage, why a score changed, shortfalls, re-scoring. */
package cn.perfledger.projections.audit;
