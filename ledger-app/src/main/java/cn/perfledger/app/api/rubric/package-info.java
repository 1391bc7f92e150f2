/** REST endpoints of rubric versions (评价体系): publish a versioned scoring tree, retire it. */
package cn.perfledger.app.api.rubric;
