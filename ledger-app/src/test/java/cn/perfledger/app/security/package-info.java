/** Tests of sign-in, roles, department scoping and user administration over real HTTP Basic and form login. */
package cn.perfledger.app.security;
