/** Tests of import (multipart and backup uploads, refusals listed row by row) and export against a stub server. */
package cn.perfledger.cli.transfer;
