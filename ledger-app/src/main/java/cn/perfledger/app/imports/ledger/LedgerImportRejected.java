package cn.perfledger.app.imports.ledger;

import cn.perfledger.app.imports.sheet.CellError;
import java.util.List;

/** An import refused as a whole, with every error found (up to a limit); nothing was written. Answered with 422. */
public class LedgerImportRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String sha256;
    private final List<CellError> errors;
    private final int errorCount;

    public LedgerImportRejected(String fileName, String sha256, List<CellError> errors, int errorCount) {
        super("导入文件 " + fileName + " 有 " + errorCount + " 处错误，未写入任何记录；第一处: " + errors.get(0).describe());
        this.fileName = fileName;
        this.sha256 = sha256;
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    /** The errors in row order, at most a thousand. */
    public List<CellError> errors() {
        return errors;
    }

    /** How many errors were found in all (more than listed when the file is wrong throughout). */
    public int errorCount() {
        return errorCount;
    }
}
