/** Sign-in, the four ledger roles and department scoping (Spring Security), and the user register. */
package cn.perfledger.app.security;
