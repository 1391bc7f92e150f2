/** Tests of the ledger import: template files, parsing against the template, and the import endpoint end to end. */
package cn.perfledger.app.imports.ledger;
