package cn.perfledger.app.export;

import cn.perfledger.app.ui.BasisForm;
import cn.perfledger.app.ui.YearPages;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's download of the same workbook, next to the pages: it takes the basis as the pages' pickers send
 * it ({@code knownAt} as Beijing time from a {@code datetime-local} input, or an ISO instant from a permalink) and
 * answers errors with the Chinese error page (the pages' {@code UiExceptionHandler}) instead of JSON.
 */
@Controller
@Hidden
@RequestMapping("/departments/{dept}/years/{year}")
public class ExportPageController {

    private final YearExportService exports;
    private final YearPages pages;

    public ExportPageController(YearExportService exports, YearPages pages) {
        this.exports = exports;
        this.pages = pages;
    }

    @GetMapping("/export.xlsx")
    public ResponseEntity<byte[]> export(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        FiscalYearId id = pages.require(dept, year);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        return ExportController.download(exports.export(id, form.asOf(), form.knownAt()));
    }
}
