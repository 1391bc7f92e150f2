package cn.perfledger.cli.http;

/** The server answered something this CLI cannot read (not JSON where JSON was expected): not a ledger server? */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
