/** What the rubric streams say about each rubric version (published, scope, retired) and when a year may use one. */
package cn.perfledger.app.rubric;
