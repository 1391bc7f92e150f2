/** The REST API under /api/v1: shared pieces (command results, Problem Details errors, OpenAPI description). */
package cn.perfledger.app.api;
