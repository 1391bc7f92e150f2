package cn.perfledger.app.ui.evaluate;

import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.ui.YearPages;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the evaluator's pages of one year share: the year, its replay as now known, the header and the defaults. */
@Component
class WorkPages {

    static final String WORK = "/evaluation/work";

    private final YearPages pages;
    private final YearQueries queries;

    WorkPages(YearPages pages, YearQueries queries) {
        this.pages = pages;
        this.queries = queries;
    }

    FiscalYearId require(String dept, int year) {
        return pages.require(dept, year);
    }

    /** The year at its last day as now recorded: what the evaluator works on. */
    SelfEvaluationFold now(FiscalYearId id) {
        return queries.fold(id, queries.basis(id, null, null));
    }

    String base(FiscalYearId id) {
        return pages.header(id).basePath();
    }

    /** The header, the tab, the form state and the defaults every evaluator page shows. */
    void common(FiscalYearId id, String title, String tab, FormState state, Model model) {
        model.addAttribute("pageTitle", title);
        model.addAttribute("active", "work");
        model.addAttribute("tab", tab);
        model.addAttribute("header", pages.header(id));
        model.addAttribute("fs", state);
        model.addAttribute("firstDay", id.year().firstDay().toString());
        model.addAttribute("lastDay", id.year().lastDay().toString());
        model.addAttribute("me", CurrentUser.get().map(LedgerUserDetails::displayName).orElse(""));
        model.addAttribute("directions", Arrays.stream(Direction.values()).map(Direction::label).toList());
        model.addAttribute("grades", Arrays.stream(Grade.values()).map(Grade::label).toList());
        model.addAttribute("workPath", base(id) + WORK);
    }
}
