/** The application's own settings ({@code ledger.*}) and the ObjectMapper bean shared by Axon and the REST API. */
package cn.perfledger.app.config;
