/** Crash safety: the application killed with SIGKILL in the middle of a large batch import, then restarted. */
package cn.perfledger.app.crash;
