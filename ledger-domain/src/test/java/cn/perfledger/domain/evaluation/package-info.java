/** Fixture tests of the Evaluation aggregate (single commands, declared figures, table imports) and its text parsers. */
package cn.perfledger.domain.evaluation;
