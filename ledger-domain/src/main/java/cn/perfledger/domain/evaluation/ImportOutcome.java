package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.CommandOutcome;

/**
 * The result of {@link EvaluationCommand.ImportEvaluationTable}. {@code recorded} is false for a file imported before
 * ({@code alreadyImported}, nothing written) and for a check ({@code validateOnly}: the counts say what an import
 * would record). {@code explanationsRecorded} counts the computed items' explanations (评分依据 / 偏差原因 cells);
 * {@code unchanged} counts entries that already stood as the table states them.
 */
public record ImportOutcome(boolean recorded, boolean alreadyImported, String digest, int rows, int indicatorsDefined,
        int actualsRecorded, int judgementScoresEntered, int declaredFiguresRecorded, int explanationsRecorded,
        int unchanged) implements CommandOutcome {

    @Override
    public boolean eventsRecorded() {
        return recorded;
    }

    static ImportOutcome alreadyImported(String digest, int rows) {
        return new ImportOutcome(false, true, digest, rows, 0, 0, 0, 0, 0, 0);
    }
}
