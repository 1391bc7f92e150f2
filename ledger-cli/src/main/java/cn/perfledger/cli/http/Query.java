package cn.perfledger.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Query parameters in the order added; null values are left out, so optional options need no if. */
public final class Query {

    private final List<String[]> pairs = new ArrayList<>();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null) {
            pairs.add(new String[] {name, value.toString()});
        }
        return this;
    }

    /** {@code ?a=1&b=2} (percent-encoded, UTF-8), or "" without parameters. */
    public String toQueryString() {
        if (pairs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        for (String[] pair : pairs) {
            if (out.length() > 1) {
                out.append('&');
            }
            out.append(encode(pair[0])).append('=').append(encode(pair[1]));
        }
        return out.toString();
    }

    /** URLEncoder writes a space as "+"; %20 means a space in a query and in a path alike. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One path segment (a department code, an item code) percent-encoded: everything but RFC 3986 unreserved
     * characters, so that "A/B" or "../x" cannot walk to another endpoint.
     */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        String encoded = out.toString();
        // "." and ".." are unreserved but still mean "this/parent directory" in a path
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }
}
