package cn.perfledger.app.ui;

import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every page of a department-year gets the loud banner of {@code layout.html} when the year's chain is BROKEN
 * ({@code integrityBanner}): the status verified when its events were read, so this costs no extra verification.
 * The department list sets the same attribute itself when one of its years is broken.
 */
@ControllerAdvice(basePackageClasses = IntegrityBannerAdvice.class)
public class IntegrityBannerAdvice {

    /** What the banner shows: the summary and the first problems. */
    public record IntegrityBanner(String summary, List<IntegrityStatus.Problem> problems) {

        public static IntegrityBanner of(IntegrityStatus status) {
            return status.broken() ? new IntegrityBanner(status.summary(),
                    status.problems().subList(0, Math.min(5, status.problems().size()))) : null;
        }
    }

    private final YearQueries queries;

    public IntegrityBannerAdvice(YearQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute
    void banner(HttpServletRequest request, Model model) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> vars) || !(vars.get("dept") instanceof String dept)
                || !(vars.get("year") instanceof String year)) {
            return;
        }
        try {
            IntegrityBanner banner = IntegrityBanner.of(queries.integrityOf(FiscalYearId.of(dept, Integer.parseInt(year))));
            if (banner != null) {
                model.addAttribute("integrityBanner", banner);
            }
        } catch (RuntimeException e) {
            // a malformed or unknown year: the page's own handler answers it
        }
    }
}
