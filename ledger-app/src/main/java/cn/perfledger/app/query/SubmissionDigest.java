package cn.perfledger.app.query;

import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.scoring.ScoredTable;

/**
 * The digest a submission stores: SHA-256 of the canonical JSON of the table the submitter saw. The table is
 * taken without its submission part (the declared total and its flag), which does not exist yet when the
 * submitter looks at it; re-deriving the table at (reference date, submission time) must give the same digest.
 */
public final class SubmissionDigest {

    private SubmissionDigest() {
    }

    public static String of(ScoredTable table) {
        ScoredTable shown = new ScoredTable(table.evaluationId(), table.rubricVersion(), table.rubricName(),
                table.jurisdiction(), table.rubricSourceNote(), table.totalWeight(), table.items(), table.total(),
                table.grade(), null, table.flags().stream()
                        .filter(flag -> flag.kind() != FlagKind.DECLARED_TOTAL_DIFFERS).toList());
        return CanonicalJson.sha256(shown);
    }
}
