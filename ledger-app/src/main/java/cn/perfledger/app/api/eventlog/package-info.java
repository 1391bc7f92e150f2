/** Read endpoints of a department-year: its directory entry and its recorded events (paged, filtered). */
package cn.perfledger.app.api.eventlog;
