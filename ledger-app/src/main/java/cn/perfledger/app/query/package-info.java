/** As-of queries: the year's figures, indicators and scored 自评表 at a basis, with the basis echoed and a digest. */
package cn.perfledger.app.query;
