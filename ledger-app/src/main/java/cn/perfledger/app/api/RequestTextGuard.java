package cn.perfledger.app.api;

import cn.perfledger.app.export.xlsx.FormulaGuard;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every text of a request body before the command is built: the ledger keeps texts verbatim and prints
 * them in reports and spreadsheets, so a text
 * <ul>
 *   <li>has at most {@value #MAX_TEXT} characters (the longest real text, a rubric criterion, has under 300);</li>
 *   <li>contains no control characters other than line breaks and tabs inside the text, and no invisible format
 *       characters or lone surrogates (zero-width, bidi controls, BOM: {@link Ids#hiddenInText});</li>
 *   <li>is not formula-like by the ledger's one rule ({@link FormulaGuard}): no {@code = + - @} (or full-width
 *       {@code ＝ ＋ － ＠}) as its first visible character — leading spaces, zero-width or bidi characters do not
 *       hide one —, no leading tab or carriage return (CSV/formula injection, e.g. {@code =cmd|' /C calc'!A0});
 *       a signed figure such as {@code "-3.5%"} stays allowed.</li>
 * </ul>
 * Decimals must be written plainly (no exponent notation; at most 12 decimals and 30 digits) and dates and
 * instants lie within {@link DateBounds}. Walks records, lists and maps of the ledger's request types; amounts and other numbers are not texts. A
 * violation is a 400 naming the JSON path ({@code entries[3].payee}) and the rule; nothing is written.
 */
@RestControllerAdvice
public class RequestTextGuard extends RequestBodyAdviceAdapter {

    public static final int MAX_TEXT = 1000;
    private static final int MAX_DEPTH = 16;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
            Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    /** Throws a {@link DomainException} naming the path of the first text that breaks a rule. */
    public static void check(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            checkText(text.toString(), path);
        } else if (value instanceof java.math.BigDecimal number) {
            checkNumber(number, path);
        } else if (value instanceof java.time.LocalDate date) {
            DateBounds.check(path.isEmpty() ? "body" : path, date);
        } else if (value instanceof java.time.Instant instant) {
            DateBounds.check(path.isEmpty() ? "body" : path, instant);
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = join(path, String.valueOf(entry.getKey()));
                check(entry.getKey(), child, depth + 1);
                check(entry.getValue(), child, depth + 1);
            }
        } else if (value.getClass().isRecord() && value.getClass().getName().startsWith("cn.perfledger.")) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                // a single-valued type (VoucherNo, Money) is reported under the request's own field name
                boolean wrapper = value.getClass().getRecordComponents().length == 1 && !path.isEmpty();
                check(child, wrapper ? path : join(path, component.getName()), depth + 1);
            }
        }
    }

    /**
     * Decimals (rates, points, amounts) are written plainly: exponent notation ({@code 1e2}, which arrives with a
     * negative scale), more than 12 decimals or more than 30 digits are refused.
     */
    static void checkNumber(java.math.BigDecimal number, String path) {
        String field = path.isEmpty() ? "body" : path;
        if (number.scale() < 0 || number.scale() > 12 || number.precision() > 30) {
            throw new DomainException(field, "数值应以普通小数书写（不接受科学计数法，最多 12 位小数、30 位有效数字）: "
                    + (number.precision() > 40 ? number.toString().substring(0, 20) + "…" : number.toString()));
        }
    }

    static void checkText(String text, String path) {
        String field = path.isEmpty() ? "body" : path;
        if (text.length() > MAX_TEXT) {
            throw new DomainException(field, "文本过长：最多 " + MAX_TEXT + " 个字符，实际 " + text.length() + " 个");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new DomainException(field, "文本不能包含控制字符（U+" + String.format("%04X", (int) c) + "）");
            }
        }
        int hidden = Ids.firstHidden(text, false);
        if (hidden >= 0) {
            throw new DomainException(field, "文本不能包含不可见字符或文字方向控制字符（" + Ids.describe(text.codePointAt(hidden))
                    + "）：审阅者看到的文字会与记录的不同");
        }
        if (FormulaGuard.refusedAtInput(text)) {
            throw new DomainException(field, "文本不能以 = + - @（含全角 ＝ ＋ － ＠）开头，前面加空格或不可见字符也不行，"
                    + "也不能以制表符或回车开头（电子表格会将其当作公式执行）；带符号的数字如 -3.5% 除外");
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
