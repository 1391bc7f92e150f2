/** Tests of the .xlsx export: reopened with POI and compared with the API's JSON at the same basis. */
package cn.perfledger.app.export;
