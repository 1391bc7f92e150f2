package cn.perfledger.app.query;

import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.scoring.DeclaredTotal;
import cn.perfledger.projections.scoring.ScoredItem;
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
        Shown shown = new Shown(table.evaluationId(), table.rubricVersion(), table.rubricName(),
                table.jurisdiction(), table.rubricSourceNote(), table.totalWeight(), table.items(), table.total(),
                table.grade(), null, table.flags().stream()
                        .filter(flag -> flag.kind() != FlagKind.DECLARED_TOTAL_DIFFERS).toList());
        return CanonicalJson.sha256(shown);
    }

    /**
     * The parts of the table a digest covers, in the order submissions have always digested them; the header
     * (department and year) is not among them: it follows from the year the submission belongs to, and digests
     * stored before the header existed must still verify.
     */
    private record Shown(String evaluationId, String rubricVersion, String rubricName, String jurisdiction,
            String rubricSourceNote, java.math.BigDecimal totalWeight, java.util.List<ScoredItem> items,
            java.math.BigDecimal total, String grade, DeclaredTotal declared, java.util.List<Flag> flags) {
    }
}
