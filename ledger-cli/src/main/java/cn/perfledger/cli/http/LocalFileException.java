package cn.perfledger.cli.http;

/** A file on the auditor's machine could not be read or written (not the server's fault). */
public class LocalFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
