package cn.perfledger.cli.support;

import cn.perfledger.cli.output.Csv;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Report;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, and the printing of an answer in the chosen form. */
public class OutputOptions {

    /** Excel and WPS read a CSV file as GBK unless it starts with the UTF-8 byte order mark. */
    private static final String UTF8_BOM = "\uFEFF";

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "输出格式：table（对齐的表格，默认）、json（服务器的 JSON）、csv（主表，RFC 4180）、xlsx（仅 evaluation、execution，须同时给 --output）")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "写入文件而不是标准输出（csv 文件带 UTF-8 BOM，便于 Excel/WPS 打开）")
    Path output;

    public Format format() {
        return format;
    }

    public Path output() {
        return output;
    }

    /**
     * Prints {@code answer}: the JSON itself, or the report {@code view} makes of it as a table or CSV. XLSX is
     * the commands' own business (a different request); reaching here with it is a usage error.
     */
    public void print(JsonNode answer, Function<JsonNode, Report> view, PrintWriter out) {
        String text = switch (format) {
            case JSON -> Json.pretty(answer) + System.lineSeparator();
            case TABLE -> String.join(System.lineSeparator(), view.apply(answer).textLines())
                    + System.lineSeparator();
            case CSV -> (output != null ? UTF8_BOM : "") + Csv.render(view.apply(answer).csv());
            case XLSX -> throw new CliException(ExitCode.USAGE,
                    "--format xlsx 只适用于 evaluation 与 execution（服务器生成的 Excel 工作簿）");
        };
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.UNEXPECTED, "无法写入 " + output + ": " + e.getMessage());
        }
    }
}
