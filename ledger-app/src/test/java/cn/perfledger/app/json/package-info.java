/** Tests of the ledger's JSON form: value types as scalars, events' locked forms, aggregates by fields. */
package cn.perfledger.app.json;
