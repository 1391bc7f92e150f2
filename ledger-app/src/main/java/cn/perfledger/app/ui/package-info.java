/** Server-rendered zh-CN web pages (Thymeleaf): departments, year overview, 自评表 at a basis, event timeline. */
package cn.perfledger.app.ui;
