package cn.perfledger.cli.http;

/** No answer from the server: refused connection, unknown host, timeout, connection dropped. */
public class UnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
