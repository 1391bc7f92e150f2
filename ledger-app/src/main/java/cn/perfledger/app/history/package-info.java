/** The recorded events of department-years, read once from the event store and kept in replay-ready form. */
package cn.perfledger.app.history;
