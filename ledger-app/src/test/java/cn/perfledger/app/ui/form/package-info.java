/** Tests of the one form path of every write page: what a form's Idempotency-Key is bound to. */
package cn.perfledger.app.ui.form;
