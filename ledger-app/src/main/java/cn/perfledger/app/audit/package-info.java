/** Auditor workflows over a department-year's events: submissions replayed two ways with the digest check, lineage, why-lists, shortfalls, re-scoring. */
package cn.perfledger.app.audit;
