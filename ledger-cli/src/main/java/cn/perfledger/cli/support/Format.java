package cn.perfledger.cli.support;

/** {@code --format}: how a command prints the server's answer. */
public enum Format {
    /** aligned columns for the terminal (default) */
    TABLE,
    /** the server's JSON, indented */
    JSON,
    /** RFC 4180 CSV of the command's main table */
    CSV,
    /** the server's Excel workbook (evaluation, execution; needs --output) */
    XLSX
}
