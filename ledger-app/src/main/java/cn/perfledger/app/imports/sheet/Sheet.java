package cn.perfledger.app.imports.sheet;

import java.util.List;

/**
 * What was read from an uploaded file.
 *
 * @param format  the format found in the content
 * @param name    the worksheet's name (xlsx) or null (csv)
 * @param charset the character set the text was decoded with (csv) or null (xlsx)
 * @param rows    the non-empty rows in order (xlsx leaves out empty rows; csv keeps them, blank)
 */
public record Sheet(SheetFormat format, String name, String charset, List<SheetRow> rows) {

    public Sheet {
        rows = List.copyOf(rows);
    }
}
