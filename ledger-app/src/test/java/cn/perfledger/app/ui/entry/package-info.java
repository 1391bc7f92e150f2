/** Tests of the clerk's entry pages: every form through the page, errors in Chinese, CSRF, roles, idempotency. */
package cn.perfledger.app.ui.entry;
