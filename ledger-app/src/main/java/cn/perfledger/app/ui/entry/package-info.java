/** The clerk's (录入) write pages: forms that send the budget ledger's commands through the API's own path. */
package cn.perfledger.app.ui.entry;
