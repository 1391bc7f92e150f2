package cn.perfledger.cli.transfer;

import cn.perfledger.cli.http.ApiException;
import cn.perfledger.cli.http.ApiResponse;
import cn.perfledger.cli.http.CountingBodyPublisher;
import cn.perfledger.cli.http.LedgerClient;
import cn.perfledger.cli.http.Multipart;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Progress;
import cn.perfledger.cli.support.CliException;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.Format;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.OutputOptions;
import cn.perfledger.cli.support.YearArguments;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ledger import DEPT YEAR FILE --kind ledger|evaluation-table}: upload a ledger workbook or a 自评表 as
 * multipart field {@code file} to {@code …/imports/ledger} or {@code …/imports/evaluation-table};
 * {@code ledger import FILE --kind backup}: restore a JSON-lines backup ({@code POST /api/v1/import}). The server
 * writes all or nothing: 201 written, 200 the same file was imported before (nothing written), 422 refused with
 * every row/column error listed.
 */
@Command(name = "import", description = "导入：预算台账工作簿（--kind ledger）、自评表（--kind evaluation-table），"
        + "或备份文件恢复（--kind backup，只需文件）。全部写入或全部不写；被拒绝时逐行列出错误。")
public class ImportCommand extends LedgerCommand {

    @Parameters(arity = "1..3", paramLabel = "[DEPT YEAR] FILE",
            description = "部门编码、年度与文件；--kind backup 时只需文件（给出部门与年度则核对备份文件的范围）")
    List<String> arguments;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "ledger（预算台账）、evaluation-table（自评表）或 backup（备份恢复）")
    String kind;

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() throws IOException {
        Target target = target();
        Path file = target.file();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException(ExitCode.USAGE, "文件不存在或不可读: " + file);
        }
        if (target.backup() && target.department() != null) {
            checkBackupScope(file, target.department(), target.year());
        }
        LedgerClient client = client();
        BodyPublisher body;
        String contentType;
        String path;
        if (target.backup()) {
            body = BodyPublishers.ofFile(file);
            contentType = "application/x-ndjson";
            path = "/api/v1/import";
        } else {
            Multipart multipart = Multipart.ofFile("file", file);
            body = multipart.body();
            contentType = multipart.contentType();
            path = YearArguments.path(target.department(), target.year()) + "/imports/" + kind;
        }
        long total = body.contentLength();
        ApiResponse response;
        try (Progress progress = new Progress(err(), showProgress(), "上传 " + file.getFileName(), total)) {
            CountingBodyPublisher counted = new CountingBodyPublisher(body, sent -> {
                progress.uploaded(sent);
                if (sent >= total) {
                    progress.awaitingAnswer();
                }
            });
            response = client.post(path, contentType, counted);
        } catch (ApiException refused) {
            if (output.format() != Format.JSON || refused.problem() == null) {
                throw refused;
            }
            // --format json: the server's whole refusal (every row error, not the first 50) for a script to read;
            // on stderr like any refusal, so stdout stays empty on failure
            err().print(Json.pretty(refused.problem()) + System.lineSeparator());
            err().flush();
            return ExitCode.forStatus(refused.status());
        }
        JsonNode answer = response.body().length == 0 ? Json.mapper().createObjectNode() : response.json();
        output.print(answer, json -> ImportView.report(json, response.status(), file), out());
        return ExitCode.OK;
    }

    /** What the arguments say: DEPT YEAR FILE, or FILE alone for a backup. */
    Target target() {
        boolean backup = "backup".equals(kind);
        if (!backup && !"ledger".equals(kind) && !"evaluation-table".equals(kind)) {
            throw new CliException(ExitCode.USAGE, "--kind 应为 ledger、evaluation-table 或 backup，而不是: " + kind);
        }
        if (arguments.size() == 3) {
            int year;
            try {
                year = Integer.parseInt(arguments.get(1));
            } catch (NumberFormatException e) {
                throw new CliException(ExitCode.USAGE, "年度应为数字，例如 2021，而不是: " + arguments.get(1));
            }
            return new Target(arguments.get(0), year, Path.of(arguments.get(2)), backup);
        }
        if (arguments.size() == 1 && backup) {
            return new Target(null, 0, Path.of(arguments.get(0)), true);
        }
        throw new CliException(ExitCode.USAGE, backup ? "用法：ledger import [部门 年度] 文件 --kind backup"
                : "用法：ledger import 部门 年度 文件 --kind " + kind);
    }

    /** A terminal-ish stderr and no --quiet; a dumb terminal or a redirected run gets no carriage returns. */
    private boolean showProgress() {
        return !global().quiet() && System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * A backup restores whatever its header says; when the auditor named a department-year, refuse a file of
     * another one before uploading it.
     */
    static void checkBackupScope(Path file, String department, int year) throws IOException {
        JsonNode header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first != null && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            header = first == null ? null : Json.parse(first);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliException(ExitCode.REFUSED, "备份文件的第一行不是 JSON 文件头: " + file);
        }
        // the header names its scope: "department-year" with departmentId and fiscalYear, or "all"
        String scope = Json.text(header, "scope");
        String fileDepartment = Json.text(header, "departmentId");
        String fileYear = Json.text(header, "fiscalYear");
        if (!"department-year".equals(scope) || !department.equals(fileDepartment)
                || !String.valueOf(year).equals(fileYear)) {
            String what = "all".equals(scope) ? "整个账本" : fileDepartment == null ? "未知" : fileDepartment + "/" + fileYear;
            throw new CliException(ExitCode.REFUSED, "备份文件的范围是 " + what + "，不是 " + department + "/" + year + "；未上传");
        }
    }

    record Target(String department, int year, Path file, boolean backup) {
    }
}
