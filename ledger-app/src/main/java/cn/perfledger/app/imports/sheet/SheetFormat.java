package cn.perfledger.app.imports.sheet;

/** The two formats an uploaded sheet may have. */
public enum SheetFormat {
    /** Office Open XML workbook (Excel 2007 and later, WPS): the first worksheet is read. */
    XLSX,
    /** Comma-separated text, UTF-8 (with or without BOM) or GB18030 (what Excel saves as "CSV" on Chinese Windows). */
    CSV
}
