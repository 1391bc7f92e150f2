package cn.perfledger.app.ui.entry;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.ui.entry.EntrySupport.Submitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerk's entry pages of a department-year (录入): the home with every job and the latest records, and one page
 * per job ({@link EntryPages}) with its forms. A post sends one form; success redirects to the job's page, where the
 * new records are marked in the list of recent records; a refusal draws the page again with the API's errors next
 * to the fields, the values as posted and the same key.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/entry")
public class EntryFormController {

    private static final List<String> ALL_TYPES = List.of();

    private final EntrySupport support;
    private final RecentRecords recent;
    private final List<EntryPage> pages;

    public EntryFormController(EntrySupport support, RecentRecords recent, List<EntryPages> sources) {
        this.support = support;
        this.recent = recent;
        this.pages = sources.stream().flatMap(s -> s.pages().stream()).toList();
    }

    @GetMapping
    public String home(@PathVariable String dept, @PathVariable int year, Model model, HttpServletResponse response) {
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        support.common(model, entryYear, "录入", pages);
        model.addAttribute("recent", recent.latest(entryYear.id(), ALL_TYPES, null));
        return "ui/entry/home";
    }

    @GetMapping("/{page}")
    public String page(@PathVariable String dept, @PathVariable int year, @PathVariable String page,
            @RequestParam(required = false) String recorded, @RequestParam(required = false) String unchanged,
            Model model, HttpServletResponse response) {
        EntryPage entryPage = entryPage(page);
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        return render(model, entryYear, entryPage, null, recorded, unchanged != null);
    }

    @PostMapping("/{page}/{form}")
    public Object submit(@PathVariable String dept, @PathVariable int year, @PathVariable String page,
            @PathVariable String form, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        EntryPage entryPage = entryPage(page);
        EntryForm entryForm = entryPage.form(form);
        if (entryForm == null) {
            throw new NotFoundException("form", "没有这个录入表单: " + form);
        }
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        Map<String, String> fields = EntrySupport.fields(params);
        String base = entryYear.header().basePath() + "/entry/" + page;
        Submitted submitted = support.submit(request, params, base,
                values -> entryForm.action().send(entryYear, values));
        if (submitted instanceof Submitted.Redirect redirect) {
            return EntrySupport.redirect(redirect);
        }
        Submitted.Rejected rejected = (Submitted.Rejected) submitted;
        response.setStatus(rejected.why().status());
        FormView failed = FormView.of(entryForm, entryYear, base + "/" + form, rejected.key(), fields,
                rejected.why().errors());
        return render(model, entryYear, entryPage, failed, null, false);
    }

    private String render(Model model, EntryYear year, EntryPage page, FormView failed, String recorded,
            boolean unchanged) {
        support.common(model, year, page.title(), pages);
        String base = year.header().basePath() + "/entry/" + page.slug();
        Map<String, FormView> forms = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (EntryForm form : page.forms()) {
            if (failed != null && failed.id().equals(form.id())) {
                forms.put(form.id(), failed);
            } else if (form.takenBy(year)) {
                forms.put(form.id(), support.fresh(form, year, base + "/" + form.id()));
            } else {
                refused.add(form.title());
            }
        }
        if (year.closed()) {
            // instead of the forms a closed year refuses: when and by whom it was closed, and where its legal
            // corrections are entered
            List<RecentRecords.Row> close = recent.latest(year.id(), List.of("FiscalYearClosed"), null);
            model.addAttribute("closeRecord", close.isEmpty() ? null : close.get(0));
            model.addAttribute("refusedForms", refused);
            model.addAttribute("correctionPages", pages.stream()
                    .filter(p -> p.forms().stream().anyMatch(f -> f.takenBy(year))).toList());
        }
        List<RecentRecords.Row> rows = recent.latest(year.id(), page.recentTypes(), recorded);
        model.addAttribute("page", page);
        model.addAttribute("forms", new ArrayList<>(forms.values()));
        model.addAttribute("recent", rows);
        model.addAttribute("recorded", recorded);
        model.addAttribute("freshCount", RecentRecords.freshCount(rows));
        model.addAttribute("unchanged", unchanged);
        return "ui/entry/page";
    }

    private EntryPage entryPage(String slug) {
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("page", "没有这个录入页面: " + slug));
    }

    /** The pages in menu order, for tests and the home. */
    List<EntryPage> pages() {
        return pages;
    }
}
