package cn.perfledger.app.ui.entry;

import cn.perfledger.app.imports.ledger.LedgerImportController;
import cn.perfledger.app.imports.ledger.LedgerImportRejected;
import cn.perfledger.app.imports.ledger.LedgerImporter;
import cn.perfledger.app.ui.entry.EntrySupport.Submitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * 导入账务文件 in two steps: the upload is read against the template and previewed (rows and amounts per 记录类型,
 * or every template error by row, column and cell), nothing written; the confirmation sends the kept file through
 * the API's import endpoint ({@link LedgerImportController}): all rows recorded, or its 422 error list shown as the
 * same table. The clerk fixes the file and uploads it again.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/entry/upload")
public class LedgerUploadController {

    /** Session attribute of the files awaiting confirmation, by token; the few latest are kept. */
    static final String SESSION_FILES = LedgerUploadController.class.getName() + ".files";
    private static final int KEPT_FILES = 3;

    private final EntrySupport support;
    private final RecentRecords recent;
    private final LedgerImporter importer;
    private final LedgerImportController imports;
    private final List<EntryPage> pages;

    public LedgerUploadController(EntrySupport support, RecentRecords recent, LedgerImporter importer,
            LedgerImportController imports, List<EntryPages> sources) {
        this.support = support;
        this.recent = recent;
        this.importer = importer;
        this.imports = imports;
        this.pages = sources.stream().flatMap(s -> s.pages().stream()).toList();
    }

    @GetMapping
    public String page(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String recorded, @RequestParam(required = false) String unchanged,
            Model model, HttpServletResponse response) {
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        model.addAttribute("recorded", recorded);
        model.addAttribute("unchanged", unchanged != null);
        return render(model, entryYear, recorded);
    }

    /** The template to fill in, served to the signed-in clerk (the API's template endpoint wants HTTP Basic). */
    @GetMapping("/template.xlsx")
    public ResponseEntity<byte[]> xlsxTemplate(@PathVariable String dept, @PathVariable int year) {
        support.year(dept, year);
        return imports.xlsxTemplate();
    }

    @GetMapping("/template.csv")
    public ResponseEntity<byte[]> csvTemplate(@PathVariable String dept, @PathVariable int year) {
        support.year(dept, year);
        return imports.csvTemplate();
    }

    @PostMapping
    public String preview(@PathVariable String dept, @PathVariable int year,
            @RequestPart(value = "file", required = false) MultipartFile file, Model model, HttpSession session,
            HttpServletResponse response) {
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadError", "请选择要导入的文件（.xlsx 或 .csv），文件不能是空的");
            return render(model, entryYear, null);
        }
        UploadedFile kept;
        try {
            kept = new UploadedFile(UUID.randomUUID().toString(), file.getOriginalFilename(), file.getContentType(),
                    file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadPreview preview = UploadPreview.of(importer.preview(entryYear.id(), kept.originalName(), kept.content()));
        if (preview.importable()) {
            keep(session, kept);
            model.addAttribute("token", kept.token());
            model.addAttribute("confirmKey", support.newKey());
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("preview", preview);
        return render(model, entryYear, null);
    }

    @PostMapping("/confirm")
    public Object confirm(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> params, Model model, HttpSession session,
            HttpServletRequest request, HttpServletResponse response) {
        EntryYear entryYear = support.year(dept, year);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        UploadedFile file = files(session).get(params.getFirst("token"));
        if (file == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadError", "待确认的文件已失效（会话已结束或已上传了其他文件），请重新上传");
            return render(model, entryYear, null);
        }
        String base = entryYear.header().basePath() + "/entry/upload";
        Submitted submitted;
        try {
            submitted = support.submit(request, params, file.content(), base,
                    values -> imports.importLedger(dept, year, file));
        } catch (LedgerImportRejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("rejected", rejected);
            return render(model, entryYear, null);
        }
        if (submitted instanceof Submitted.Redirect redirect) {
            files(session).remove(file.token());
            return EntrySupport.redirect(redirect);
        }
        Submitted.Rejected refused = (Submitted.Rejected) submitted;
        response.setStatus(refused.why().status());
        model.addAttribute("uploadError", String.join("；", refused.why().errors().stream()
                .map(e -> (e.field() == null ? "" : EntryLabels.of(e.field()) + "：") + e.rule()).toList()));
        return render(model, entryYear, null);
    }

    private UploadPreview preview(EntryYear year, UploadedFile file) {
        return UploadPreview.of(importer.preview(year.id(), file.originalName(), file.content()));
    }

    private String render(Model model, EntryYear year, String recorded) {
        support.common(model, year, "导入账务文件", pages);
        List<RecentRecords.Row> rows = recent.latest(year.id(), List.of(), recorded);
        model.addAttribute("recent", rows);
        model.addAttribute("freshCount", RecentRecords.freshCount(rows));
        model.addAttribute("uploadAction", year.header().basePath() + "/entry/upload");
        return "ui/entry/upload";
    }

    private static void keep(HttpSession session, UploadedFile file) {
        Map<String, UploadedFile> files = files(session);
        synchronized (files) {
            files.put(file.token(), file);
            List<String> tokens = new ArrayList<>(files.keySet());
            for (int i = 0; i < tokens.size() - KEPT_FILES; i++) {
                files.remove(tokens.get(i));
            }
        }
        session.setAttribute(SESSION_FILES, files);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, UploadedFile> files(HttpSession session) {
        Object files = session.getAttribute(SESSION_FILES);
        if (files instanceof Map<?, ?> map) {
            return (Map<String, UploadedFile>) map;
        }
        Map<String, UploadedFile> created = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        session.setAttribute(SESSION_FILES, created);
        return created;
    }
}
