package cn.perfledger.projections.reconciliation;

import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.projections.basis.RecordedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Collects the declared figures of a department-year's evaluation, in replay order. */
public final class DeclaredFigureFold implements Consumer<RecordedEvent> {

    private final List<DeclaredFigureRecorded> figures = new ArrayList<>();

    @Override
    public void accept(RecordedEvent event) {
        if (event.payload() instanceof DeclaredFigureRecorded recorded) {
            figures.add(recorded);
        }
    }

    public List<DeclaredFigureRecorded> figures() {
        return Collections.unmodifiableList(figures);
    }
}
