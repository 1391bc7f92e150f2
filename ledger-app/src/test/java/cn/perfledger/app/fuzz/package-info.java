/** Seeded randomized tests throwing malformed and hostile input at the REST API. */
package cn.perfledger.app.fuzz;
