package cn.perfledger.app.export;

import java.time.Instant;
import java.time.LocalDate;

/** A generated workbook with its file name and the basis it was computed at. */
public record ExportedWorkbook(ExportFileName fileName, LocalDate asOf, Instant knownAt, byte[] bytes) {
}
