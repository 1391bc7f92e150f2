package cn.perfledger.app.export;

import cn.perfledger.domain.common.FiscalYearId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The download's file name, e.g. {@code GZ-ZSJ-2021-自评表-2021-12-31.xlsx}, and its {@code Content-Disposition}:
 * {@code filename*} in UTF-8 as RFC 5987/6266 define it (what current browsers use), preceded by a plain ASCII
 * {@code filename} for clients that do not read {@code filename*}. Department codes are letters, digits, '-' and
 * '_' only, so the ASCII name needs no quoting.
 */
public record ExportFileName(String name, String asciiName) {

    static ExportFileName of(FiscalYearId year, LocalDate asOf) {
        String stem = year.department().code() + "-" + year.year().year();
        return new ExportFileName(stem + "-自评表-" + asOf + ".xlsx", stem + "-" + asOf + ".xlsx");
    }

    public String contentDisposition() {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Percent-encodes every UTF-8 byte that is not an RFC 5987 attr-char. */
    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
