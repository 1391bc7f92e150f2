package cn.perfledger.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The four roles of the ledger, each with the Chinese name users know it by. */
public enum LedgerRole {
    /** 录入: budget lines, adjustments, vouchers, procurement — the ledger's own records. */
    CLERK("录入"),
    /** 评价: indicators, targets, actuals, judgement scores, declared figures, submissions. */
    EVALUATOR("评价"),
    /** 审计: reads and exports everything in scope, writes nothing. */
    AUDITOR("审计"),
    /** 管理: departments, users, rubric versions, read-model rebuilds and restores. */
    ADMIN("管理");

    private final String label;

    LedgerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Parses {@code CLERK} or {@code 录入} (case-insensitive for the English name). */
    public static LedgerRole parse(String field, String text) {
        if (text != null) {
            String trimmed = text.trim();
            for (LedgerRole role : values()) {
                if (role.name().equals(trimmed.toUpperCase(Locale.ROOT)) || role.label.equals(trimmed)) {
                    return role;
                }
            }
        }
        throw new cn.perfledger.domain.common.DomainException(field, "角色应为 " + Arrays.stream(values())
                .map(r -> r.name() + "（" + r.label + "）").collect(Collectors.joining("、")) + " 之一: " + text);
    }
}
