/** The rubric versions as pages: the list and one version's tree, rules and texts, and the years using it. */
package cn.perfledger.app.ui.rubric;
