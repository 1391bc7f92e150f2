package cn.perfledger.app.imports.ledger;

import static cn.perfledger.app.imports.ledger.LedgerColumn.AMOUNT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.DOCUMENT_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.ECONOMIC_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.EFFECTIVE_DATE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNCTIONAL_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNDING_SOURCE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.KIND;
import static cn.perfledger.app.imports.ledger.LedgerColumn.LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.ORIGINAL_VOUCHER_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.REASON;
import static cn.perfledger.app.imports.ledger.LedgerColumn.TARGET_LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.UNIT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.VOUCHER_NO;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of rows of the ledger import (记录类型) and the command each becomes: 预算科目 → OpenBudgetLine,
 * 年初预算 → ApproveInitialBudget, 追加 → IncreaseBudget, 追减 → DecreaseBudget, 调剂 → TransferBudget (from the
 * 预算行编号 line to the 调入预算行编号 line), 支出凭证 → RecordExpenditure (with 原凭证号: a correction of that
 * reversed voucher; with a red, negative amount: a reversal of it), 冲销 → ReverseExpenditure. Each lists the
 * columns it requires.
 */
public enum RecordType {
    BUDGET_LINE("预算科目", List.of("预算行"),
            List.of(LINE_ID, UNIT, FUNDING_SOURCE, KIND, FUNCTIONAL_CODE, ECONOMIC_CODE)),
    INITIAL_BUDGET("年初预算", List.of("年初预算批复"), List.of(LINE_ID, EFFECTIVE_DATE, AMOUNT, DOCUMENT_NO)),
    INCREASE("追加", List.of("预算追加"), List.of(LINE_ID, EFFECTIVE_DATE, AMOUNT, DOCUMENT_NO, REASON)),
    DECREASE("追减", List.of("调减", "预算调减"), List.of(LINE_ID, EFFECTIVE_DATE, AMOUNT, DOCUMENT_NO, REASON)),
    TRANSFER("调剂", List.of("预算调剂"), List.of(LINE_ID, TARGET_LINE_ID, EFFECTIVE_DATE, AMOUNT, DOCUMENT_NO, REASON)),
    VOUCHER("支出凭证", List.of("支出", "凭证"), List.of(VOUCHER_NO, LINE_ID, EFFECTIVE_DATE, AMOUNT)),
    /** The reversed voucher's line is the original's: no 预算行编号. The reason is in 摘要 or 调整原因 (one of them). */
    REVERSAL("冲销", List.of("红字冲销", "冲销凭证", "红字凭证"),
            List.of(VOUCHER_NO, ORIGINAL_VOUCHER_NO, EFFECTIVE_DATE, AMOUNT));

    private final String label;
    private final List<String> aliases;
    private final List<LedgerColumn> required;

    RecordType(String label, List<String> aliases, List<LedgerColumn> required) {
        this.label = label;
        this.aliases = aliases;
        this.required = required;
    }

    /** The name the template uses. */
    public String label() {
        return label;
    }

    /** The columns a row of this kind must fill. */
    public List<LedgerColumn> required() {
        return required;
    }

    /** The kind a 记录类型 cell names, by its name or an accepted alias (e.g. 调减 for 追减). */
    public static Optional<RecordType> of(String text) {
        String name = text == null ? "" : text.replaceAll("\\s+", "");
        return Arrays.stream(values()).filter(t -> t.label.equals(name) || t.aliases.contains(name)).findFirst();
    }

    /** "预算科目、年初预算、…" for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(RecordType::label).collect(Collectors.joining("、"));
    }
}
