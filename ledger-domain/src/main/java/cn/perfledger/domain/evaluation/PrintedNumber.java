package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one number a printed figure states (e.g. {@code "1,180.85元"} → 1180.85, {@code "完成预算 85.65%"} → 85.65),
 * kept with the decimals as printed: the scale tells the precision the document printed it at. Thousands
 * separators are dropped; a text with no number, or with several, is refused (several figures are recorded one
 * by one, so that each one names the ledger value it should equal).
 */
public final class PrintedNumber {

    private static final Pattern NUMBER = Pattern.compile("[-−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

    private PrintedNumber() {
    }

    /** The numbers in the text, in order, as printed (separators removed, scale kept). */
    public static List<BigDecimal> all(String text) {
        List<BigDecimal> numbers = new ArrayList<>();
        if (text == null) {
            return numbers;
        }
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(new BigDecimal(matcher.group().replace(",", "").replace('−', '-')));
        }
        return numbers;
    }

    /** The single number of the text; refuses a text with none or with several. */
    public static BigDecimal parse(String field, String text) {
        List<BigDecimal> numbers = all(text);
        if (numbers.isEmpty()) {
            throw new DomainException(field, "所印数值中未找到数字: " + text);
        }
        if (numbers.size() > 1) {
            throw new DomainException(field, "所印数值只能包含一个数字（多个数字请逐个登记）: " + text);
        }
        return numbers.get(0);
    }
}
