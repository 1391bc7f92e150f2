package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.DomainException;
import java.util.regex.Pattern;

/**
 * 功能分类科目: 类 (3 digits), 款 (5) or 项 (7), e.g. {@code 2010150}. A budget line is normally
 * booked at 项 level; shorter codes are accepted for documents that only publish 类/款.
 */
public record FunctionalCode(String code) {

    /** Compiled once: a code is checked for every line read from an event. */
    private static final Pattern DIGITS = Pattern.compile("\\d{3}|\\d{5}|\\d{7}");

    public FunctionalCode {
        if (code == null || !DIGITS.matcher(code).matches()) {
            throw new DomainException("functionalCode", "功能分类科目编码必须为 3 位（类）、5 位（款）或 7 位（项）数字: " + code);
        }
    }

    /** 类: the first three digits. */
    public String classCode() {
        return code.substring(0, 3);
    }

    /** 款: the first five digits, or null when the code is only a 类. */
    public String sectionCode() {
        return code.length() >= 5 ? code.substring(0, 5) : null;
    }

    /** 项: the whole seven digits, or null when the code is shorter. */
    public String itemCode() {
        return code.length() == 7 ? code : null;
    }

    @Override
    public String toString() {
        return code;
    }
}
