/** REST API of the auditor workflows: submissions as submitted vs as now known, score lineage, why-lists, shortfalls, re-scoring. */
package cn.perfledger.app.api.audit;
