/** Test infrastructure: the PostgreSQL and H2 databases integration tests run against. */
package cn.perfledger.app.support;
