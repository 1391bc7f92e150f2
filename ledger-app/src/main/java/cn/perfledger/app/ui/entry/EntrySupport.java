package cn.perfledger.app.ui.entry;

import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.ui.BasisForm;
import cn.perfledger.app.ui.YearPages;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormRejected;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.ledger.LedgerFold;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every entry page shares: who may write (录入 with the department in scope; the security chain refuses the
 * posts of anyone else, the pages say so instead of drawing forms), the year as the forms see it, and the one way a
 * form is submitted — through the one form path of every write page: its key claimed ({@link FormKeys}), its values
 * read and sent as the API's request ({@link ApiForm}), and on success a redirect (post/redirect/get) to the page whose recent list shows the new
 * records, marked by the correlation id of the post.
 */
@Component
public class EntrySupport {

    /** Fields of a post that are not the form's own (the CSRF token, the key). */
    private static final List<String> NOT_FORM_FIELDS = List.of("_csrf", FormKeys.FIELD);
    private static final String REDIRECT = "redirect:";

    /** What became of a post. */
    public sealed interface Submitted {
        record Redirect(String location) implements Submitted {
        }

        /** Nothing recorded: the form is drawn again with the errors and {@code key} (a new one if it was spent). */
        record Rejected(FormRejected why, String key) implements Submitted {
        }
    }

    private final YearPages pages;
    private final YearQueries queries;
    private final FormKeys keys;
    private final Clock clock;

    public EntrySupport(YearPages pages, YearQueries queries, FormKeys keys, Clock clock) {
        this.pages = pages;
        this.queries = queries;
        this.keys = keys;
        this.clock = clock;
    }

    /** True when the signed-in user may write to {@code dept}'s ledger. */
    public static boolean mayWrite(String dept) {
        LedgerUserDetails user = CurrentUser.get().orElse(null);
        return user != null && user.hasAnyRole(List.of(LedgerRole.CLERK)) && user.scope().covers(dept);
    }

    /** The refusal page for a user who may read the year but not write to it. */
    public String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", 403);
        model.addAttribute("title", "无权录入");
        model.addAttribute("field", "role");
        model.addAttribute("fieldLabel", "角色");
        model.addAttribute("rule", "录入页面只对本部门的录入人员开放；您的角色或部门范围不包含此项");
        model.addAttribute("path", "");
        return "ui/error";
    }

    /** The year as its forms see it: everything recorded until now. */
    public EntryYear year(String dept, int year) {
        FiscalYearId id = pages.require(dept, year);
        List<RecordedEvent> events = queries.events(id);
        LedgerFold ledger = new LedgerFold();
        List<ExpenditureRecorded> vouchers = new ArrayList<>();
        for (RecordedEvent event : events) {
            ledger.accept(event);
            if (event.payload() instanceof ExpenditureRecorded voucher) {
                vouchers.add(voucher);
            }
        }
        return EntryYear.of(id, pages.header(id), ledger, vouchers, LocalDate.now(clock.withZone(BasisForm.ZONE)));
    }

    /** The attributes of every entry page: the year bar with 录入 active, the entry pages for the side menu. */
    public void common(Model model, EntryYear year, String title, List<EntryPage> entryPages) {
        model.addAttribute("pageTitle", title);
        model.addAttribute("active", "entry");
        model.addAttribute("header", year.header());
        model.addAttribute("entryYear", year);
        model.addAttribute("entryPages", entryPages);
        model.addAttribute("entryBase", year.header().basePath() + "/entry");
    }

    /** The answer to a successful post: 303 See Other to {@code location} (post/redirect/get). */
    public static RedirectView redirect(Submitted.Redirect redirect) {
        RedirectView view = new RedirectView(redirect.location(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    /** A new key for a form drawn outside {@link #fresh}. */
    public String newKey() {
        return FormKeys.newKey();
    }

    /** A fresh form with a new key. */
    public FormView fresh(EntryForm form, EntryYear year, String action) {
        return FormView.of(form, year, action, FormKeys.newKey(), null, List.of());
    }

    /** The form's own fields of a post, one value each (the values a refused form is drawn again with). */
    public static Map<String, String> fields(MultiValueMap<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!NOT_FORM_FIELDS.contains(name) && values != null && !values.isEmpty()) {
                fields.put(name, values.get(0));
            }
        });
        return fields;
    }

    /** {@link #submit(HttpServletRequest, MultiValueMap, byte[], String, Function)} of a form without a file. */
    public Submitted submit(HttpServletRequest request, MultiValueMap<String, String> params, String successPath,
            Function<FormValues, ResponseEntity<CommandResult>> action) {
        return submit(request, params, null, successPath, action);
    }

    /**
     * Submits a post through the one form path ({@link FormKeys#once}, {@link ApiForm#refusedAs}): claims its key,
     * runs {@code action} with its values; on success the answer is a redirect to {@code successPath} marking the
     * records of this post. {@code upload} is the content of a file the post records (covered by the key).
     */
    public Submitted submit(HttpServletRequest request, MultiValueMap<String, String> params, byte[] upload,
            String successPath, Function<FormValues, ResponseEntity<CommandResult>> action) {
        FormRejected[] refused = new FormRejected[1];
        String view;
        try {
            view = keys.once(request, params, upload, () -> {
                try {
                    ResponseEntity<CommandResult> answer = ApiForm.refusedAs(() -> action.apply(FormValues.of(params)));
                    return REDIRECT + location(successPath, answer.getBody());
                } catch (FormRejected rejected) {
                    refused[0] = rejected;
                    return "refused";
                }
            });
        } catch (ConflictException e) {
            return new Submitted.Rejected(FormRejected.of(409, e.field(), e.rule()), FormKeys.newKey());
        } catch (DomainException e) {
            return new Submitted.Rejected(FormRejected.of(422, e.field(), e.rule()), FormKeys.newKey());
        }
        if (refused[0] != null) {
            return new Submitted.Rejected(refused[0], params.getFirst(FormKeys.FIELD));
        }
        return new Submitted.Redirect(view.substring(REDIRECT.length()));
    }

    private static String location(String successPath, CommandResult result) {
        UriComponentsBuilder location = UriComponentsBuilder.fromPath(successPath);
        if (result != null && result.correlationId() != null) {
            location.queryParam("recorded", result.correlationId());
        }
        if (result != null && !result.recorded()) {
            location.queryParam("unchanged", "1");
        }
        return location.fragment("recent").build().encode().toUriString();
    }
}
