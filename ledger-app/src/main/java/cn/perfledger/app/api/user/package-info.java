/** REST endpoints for administrators to manage the users who may sign in. */
package cn.perfledger.app.api.user;
