/** zh-CN web pages (Thymeleaf): years, overview, 自评表 and its lineage/why/shortfall, submissions, 对账, 校验, events. */
package cn.perfledger.app.ui;
