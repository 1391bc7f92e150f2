package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableLayout.ItemLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import cn.perfledger.app.imports.evaluation.TableLayout.TotalLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;

/** Places a refusal of the evaluation aggregate on the cell of the table it concerns. */
final class RefusalLocator {

    private RefusalLocator() {
    }

    /**
     * Where in the table a refusal of the aggregate points: the cell of the row that holds the refused field
     * ({@code indicator.targetExpression} → 年度指标值, {@code judgement.basis} → 评分依据 …); a field of the request
     * rather than of the file (the evaluator, the reference date) is named as such.
     */
    static CellError locate(RowError refusal, ItemLine item, TotalLine total, boolean budgetRow) {
        String rule = refusal.rule();
        String field = refusal.field();
        String part = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String name = field.substring(field.indexOf('.') + 1);
        if (name.equals("evaluator")) {
            return new CellError(refusal.row(), null, "evaluator", "评分人（参数 evaluator）: " + rule);
        }
        if (name.equals("effectiveDate")) {
            return new CellError(refusal.row(), null, "referenceDate", "业务日期（参数 referenceDate）: " + rule);
        }
        Role role = switch (part) {
            case "indicator" -> switch (name) {
                case "targetExpression", "direction" -> Role.TARGET;
                case "weight" -> Role.WEIGHT;
                default -> Role.ITEM;
            };
            case "actual" -> name.equals("actual") ? Role.ACTUAL : name.equals("grade") ? Role.GRADE : Role.ITEM;
            case "judgement" -> switch (name) {
                case "score" -> Role.SCORE;
                case "basis" -> Role.BASIS;
                default -> Role.ITEM;
            };
            case "declaredFigure" -> Role.SCORE;
            case "explanation" -> name.equals("rubricItemCode") ? Role.ITEM : Role.BASIS;
            default -> Role.ITEM;
        };
        if (role == Role.TARGET) {
            rule = rule + "（年度指标值须可度量：一个数值及其单位与比较方式，如“≥95%”“≤5%”“9月底前”；未写比较方式的请在“指标性质”列"
                    + "写明 正向/反向/等于；文字目标请写“定性”）";
        }
        if (budgetRow && item == null && total == null) {
            return new CellError(refusal.row(), null, "预算资金", rule);
        }
        Value cell = item != null ? item.value(role) : total != null ? total.value(Role.SCORE) : null;
        if (cell == null) {
            return new CellError(refusal.row() == 0 ? null : refusal.row(), null, field, rule);
        }
        if (item != null && !item.header().has(role)) {
            rule = "本表样式没有“" + cell.label() + "”列，此项无从填写（" + rule + "）：请改用有该列的样式，或在账本中逐项录入";
        }
        return new CellError(refusal.row(), cell.column() < 0 ? null : TableLayout.column(cell.column()), cell.label(),
                rule);
    }

}
