/** The administrator's (管理) write pages: departments and units, users and their scopes, rubric upload. */
package cn.perfledger.app.ui.admin;
