package cn.perfledger.app.imports.sheet;

/** The upload cannot be read as a sheet at all (wrong format, damaged, too large); the message says why, in Chinese. */
public class UnreadableSheetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableSheetException(String message) {
        super(message);
    }

    public UnreadableSheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
