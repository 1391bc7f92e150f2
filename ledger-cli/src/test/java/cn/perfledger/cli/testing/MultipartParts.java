package cn.perfledger.cli.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader of a one-part {@code multipart/form-data} body, to check what the CLI sent byte for byte
 * (the file's bytes must arrive unchanged, and the headers name field and file).
 */
public record MultipartParts(String name, String filename, String contentType, byte[] content) {

    public static MultipartParts parse(String contentTypeHeader, byte[] body) {
        Matcher boundaryMatch = Pattern.compile("boundary=(\\S+)").matcher(contentTypeHeader);
        if (!boundaryMatch.find()) {
            throw new AssertionError("no boundary in " + contentTypeHeader);
        }
        byte[] open = ("--" + boundaryMatch.group(1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] close = ("\r\n--" + boundaryMatch.group(1) + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        if (!Arrays.equals(Arrays.copyOf(body, open.length), open)
                || !Arrays.equals(Arrays.copyOfRange(body, body.length - close.length, body.length), close)) {
            throw new AssertionError("body does not start/end with the boundary");
        }
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String headers = new String(body, open.length, headersEnd - open.length, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(body, headersEnd + 4, body.length - close.length);
        return new MultipartParts(find(headers, "name=\"([^\"]*)\""), find(headers, "filename=\"([^\"]*)\""),
                find(headers, "Content-Type: (.*)"), content);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
