package cn.perfledger.app.imports.ledger;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.imports.ledger.ParsedLedgerFile.ParsedRow;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.Sheet;
import cn.perfledger.app.imports.sheet.SheetReader;
import cn.perfledger.app.imports.sheet.UnreadableSheetException;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.ImportRefusedException;
import cn.perfledger.domain.budget.LedgerImportOutcome;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Imports a ledger file into a department-year in two steps, writing nothing unless both pass:
 * <ol>
 *   <li>the file is read against the template ({@link LedgerFileParser}): every template error of every row is
 *       reported at once;</li>
 *   <li>the rows go to the ledger as one {@link ImportLedgerFile} command, which checks each by the rules of its own
 *       command against the ledger as the rows before it leave it; every refused row is reported, located by the
 *       row number and the column of the refused field.</li>
 * </ol>
 * The sender's origin is kept (user, role, correlation id) with the client marked {@code IMPORT}; the correlation
 * id is the import id, so every event of the import carries it in its metadata.
 */
@Service
public class LedgerImporter {

    /** Notes, title and header rows the template has above its data, beyond the data rows a command may hold. */
    private static final int ROWS_ABOVE_DATA = 200;
    private static final int FILE_NAME_MAX = 200;

    private final CommandDispatcher dispatcher;

    public LedgerImporter(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Imports {@code content} (named {@code fileName} by the client; may be null) into {@code yearId}.
     *
     * @throws LedgerImportRejected when the file is unreadable, breaks the template or a row breaks a ledger rule
     */
    public LedgerImportReport importFile(FiscalYearId yearId, String fileName, byte[] content, CommandOrigin sender) {
        ReadFile read = read(yearId, fileName, content);
        String name = read.name();
        String sha256 = read.sha256();
        if (read.unreadable() != null) {
            throw new LedgerImportRejected(name, sha256, List.of(CellError.ofFile(read.unreadable())), 1);
        }
        Sheet sheet = read.sheet();
        ParsedLedgerFile parsed = read.parsed();
        if (parsed.errorCount() > 0) {
            throw new LedgerImportRejected(name, sha256, parsed.errors(), parsed.errorCount());
        }
        CommandOrigin origin = new CommandOrigin(ClientKind.IMPORT, sender.user(), sender.role(), sender.synthetic(),
                sender.correlationId());
        ImportLedgerFile command = new ImportLedgerFile(yearId, origin.correlationId(), name, sha256,
                parsed.commands());
        LedgerImportOutcome outcome;
        try {
            outcome = dispatcher.send(command, origin);
        } catch (ImportRefusedException e) {
            List<CellError> errors = e.refusals().stream().map(parsed::locate).toList();
            throw new LedgerImportRejected(name, sha256, errors, e.total());
        } catch (ConflictException e) {
            throw e; // another writer got in first (409): the same file may simply be sent again
        } catch (DomainException e) {
            // a refusal of the file as a whole (a closed year, too many rows)
            throw new LedgerImportRejected(name, sha256, List.of(CellError.ofFile(e.rule())), 1);
        }
        Map<String, Integer> rowsByType = new LinkedHashMap<>();
        for (ParsedRow row : parsed.rows()) {
            rowsByType.merge(row.type().label(), 1, Integer::sum);
        }
        return new LedgerImportReport(outcome.importId(), outcome.alreadyImported(), name, sheet.format().name(),
                sheet.name(), sheet.charset(), parsed.unit().label(), sha256, outcome.rowCount(), rowsByType,
                outcome.eventCount(), outcome.alreadyRecordedVoucherNos(), outcome.alreadyRecordedAdjustments());
    }

    /**
     * Reads {@code content} against the template as {@link #importFile} does first, and stops there: nothing is
     * sent. An unreadable file is one error of the file as a whole.
     */
    public LedgerFilePreview preview(FiscalYearId yearId, String fileName, byte[] content) {
        ReadFile read = read(yearId, fileName, content);
        if (read.unreadable() != null) {
            return new LedgerFilePreview(read.name(), read.sha256(), null, null, List.of(),
                    List.of(CellError.ofFile(read.unreadable())), 1);
        }
        Sheet sheet = read.sheet();
        ParsedLedgerFile parsed = read.parsed();
        String name = read.name();
        String sha256 = read.sha256();
        List<LedgerFilePreview.Row> rows = parsed.rows().stream()
                .map(r -> new LedgerFilePreview.Row(r.rowNumber(), r.type().label(), r.command())).toList();
        return new LedgerFilePreview(name, sha256, sheet.format().name(),
                parsed.unit() == null ? null : parsed.unit().label(), rows, parsed.errors(), parsed.errorCount());
    }

    /** A file read against the template; {@code unreadable} says why when it could not be read at all. */
    private record ReadFile(String name, String sha256, Sheet sheet, ParsedLedgerFile parsed, String unreadable) {
    }

    private static ReadFile read(FiscalYearId yearId, String fileName, byte[] content) {
        String name = displayName(fileName);
        String sha256 = sha256(content);
        try {
            Sheet sheet = SheetReader.read(fileName, content, ImportLedgerFile.MAX_ROWS + ROWS_ABOVE_DATA);
            return new ReadFile(name, sha256, sheet, LedgerFileParser.parse(sheet, yearId), null);
        } catch (UnreadableSheetException e) {
            return new ReadFile(name, sha256, null, null, e.getMessage());
        }
    }

    /** The file's own name without a client's path, for the record; "导入文件" when the client sent none. */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "导入文件";
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (name.isBlank()) {
            return "导入文件";
        }
        return name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform provides SHA-256; reaching this is a broken runtime, not a user error
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
