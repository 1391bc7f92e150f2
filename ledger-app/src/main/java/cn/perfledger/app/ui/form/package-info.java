/** What every write page shares: the form's state and errors, the API's request path, the form's Idempotency-Key. */
package cn.perfledger.app.ui.form;
