package cn.perfledger.app.ui;

import cn.perfledger.app.audit.AuditService;
import cn.perfledger.app.audit.AuditService.SubmissionSummary;
import cn.perfledger.domain.common.FiscalYearId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The basis stays: every page of a year gets {@code navQuery} — the 评价基准日 and 知悉时点 the user is looking at
 * ({@code asOf}/{@code knownAt}, or the why page's end {@code toAsOf}/{@code toKnownAt}) as a query string — so
 * that the year's navigation carries them to the next page; and the quick picks of the basis form (季末, 月末,
 * 提交时) with the year's range. A value that does not parse is not carried (its own page already refused it).
 */
@ControllerAdvice(basePackageClasses = BasisNavAdvice.class)
public class BasisNavAdvice {

    /** A quick pick of the basis form. */
    public record Pick(String label, String asOf, String knownAt) {
    }

    private final AuditService audit;

    public BasisNavAdvice(AuditService audit) {
        this.audit = audit;
    }

    @ModelAttribute
    void basis(HttpServletRequest request, Model model) {
        String asOf = first(request, "asOf", "toAsOf");
        String knownAt = first(request, "knownAt", "toKnownAt");
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (asOf != null && parses(() -> BasisForm.parseDate("asOf", asOf, ""))) {
            query.queryParam("asOf", asOf);
        }
        if (knownAt != null && parses(() -> BasisForm.parseKnownAt("knownAt", knownAt))) {
            query.queryParam("knownAt", knownAt);
        }
        String built = query.build().encode().toUriString();
        model.addAttribute("navQuery", built.isEmpty() ? "" : built);

        Integer year = year(request);
        if (year == null) {
            return;
        }
        model.addAttribute("basisYearStart", year + "-01-01");
        model.addAttribute("basisYearEnd", year + "-12-31");
        List<Pick> quarters = new ArrayList<>();
        for (int month = 3; month <= 12; month += 3) {
            quarters.add(new Pick(month + " 月末", YearMonth.of(year, month).atEndOfMonth().toString(), null));
        }
        List<Pick> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(new Pick(month + "", YearMonth.of(year, month).atEndOfMonth().toString(), null));
        }
        model.addAttribute("quarterPicks", quarters);
        model.addAttribute("monthPicks", months);
        model.addAttribute("submissionPick", submissionPick(request, year));
    }

    /** 提交时: the last submission's 评价基准日, as known when it was recorded. */
    private Pick submissionPick(HttpServletRequest request, int year) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(vars instanceof Map<?, ?> map) || !(map.get("dept") instanceof String dept)) {
            return null;
        }
        try {
            List<SubmissionSummary> all = audit.submissions(FiscalYearId.of(dept, year));
            if (all.isEmpty()) {
                return null;
            }
            SubmissionSummary last = all.get(all.size() - 1);
            return new Pick("提交时（第 " + last.submissionNo() + " 次）", last.referenceDate().toString(),
                    last.recordedAt().toString());
        } catch (RuntimeException unknownYear) {
            // the page itself answers 404/400 for a year that does not exist
            return null;
        }
    }

    private static Integer year(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> map && map.get("year") instanceof String text && text.matches("\\d{4}")) {
            return Integer.valueOf(text);
        }
        return null;
    }

    private static String first(HttpServletRequest request, String name, String alternative) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            value = request.getParameter(alternative);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
