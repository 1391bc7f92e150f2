package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.imports.evaluation.LayoutDefinition.Budget;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.BudgetColumn;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.BudgetRow;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.scoring.ScoredItem;
import java.util.List;

/**
 * The 预算资金 block of a layout, from the ledger's execution report at the workbook's basis: amounts in 万元 as the
 * form prints them, the 执行率, and in the first row the 分值 and 得分 of the rubric item the block scores. Rows the
 * ledger keeps no separate figure for (上年结转资金, 其他资金) are printed empty, not guessed.
 */
final class LayoutBudgetBlock {

    private static final List<BudgetColumn> ORDER = List.of(BudgetColumn.INITIAL, BudgetColumn.FULL_YEAR,
            BudgetColumn.EXECUTED, BudgetColumn.WEIGHT, BudgetColumn.RATE, BudgetColumn.SCORE);

    private LayoutBudgetBlock() {
    }

    /** Writes the block from {@code row}; returns the first row after it and a blank one. */
    static int write(SheetWriter w, int row, int last, Budget budget, BasisResult<ExecutionReport> execution,
            ScoredItem scored) {
        Styles s = w.styles;
        ExecutionReport report = execution == null ? null : execution.result();
        w.wideText(row, 0, "预算资金（万元）", s.header);
        w.text(row, 1, null, s.header);
        int c = 2;
        for (BudgetColumn column : ORDER) {
            List<String> words = budget.columns().get(column);
            if (words != null && c <= last) {
                w.wideText(row, c++, word(words.get(0)), s.header);
            }
        }
        int first = row;
        row++;
        for (BudgetRow line : budget.rows()) {
            w.wideText(row, 0, null, s.text);
            w.wideText(row, 1, row == first + 1 ? line.label() : "其中：" + line.label(), s.text);
            ExecutionReport.Row figures = report == null || line.scope() == null ? null
                    : line.scope().equals("TOTAL") ? report.total()
                    : line.scope().equals("FISCAL") ? report.fiscalAppropriation() : null;
            c = 2;
            for (BudgetColumn column : ORDER) {
                if (budget.columns().get(column) == null || c > last) {
                    continue;
                }
                boolean firstRow = row == first + 1;
                switch (column) {
                    case INITIAL -> w.number(row, c, figures == null ? null : wan(figures.initial()), s.score);
                    case FULL_YEAR -> w.number(row, c, figures == null ? null : wan(figures.fullYear()), s.score);
                    case EXECUTED -> w.number(row, c, figures == null ? null : wan(figures.executed()), s.score);
                    case WEIGHT -> w.number(row, c, firstRow && scored != null ? scored.weight() : null, s.score);
                    case RATE -> {
                        if (figures != null && figures.executionRate() != null) {
                            w.rate(row, c, figures.executionRate(), s.rate);
                        } else {
                            w.text(row, c, null, s.text);
                        }
                    }
                    case SCORE -> w.number(row, c, firstRow && scored != null ? scored.score() : null, s.score);
                    default -> {
                    }
                }
                c++;
            }
            row++;
        }
        w.merge(first + 1, row - 1, 0, 0, s.text);
        return row + 1;
    }

    private static java.math.BigDecimal wan(Money money) {
        return money == null ? null : money.inWanYuan();
    }

    private static String word(String word) {
        return word.startsWith("=") || word.startsWith("^") ? word.substring(1) : word;
    }
}
