/** Reads a department-year's recorded events (budget ledger and evaluation streams) straight from the event store. */
package cn.perfledger.app.eventlog;
