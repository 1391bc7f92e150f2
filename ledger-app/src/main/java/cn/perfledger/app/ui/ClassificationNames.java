package cn.perfledger.app.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of 政府收支分类科目 codes (支出功能分类 类/款/项, 部门预算支出经济分类 类/款) from
 * {@code classification/names.tsv}, so that pages show "2060101 行政运行" instead of a bare code. A code not in the
 * list is shown as the code alone: the list is reference data, never a guess.
 */
public final class ClassificationNames {

    private static final Map<String, String> FUNCTIONAL = new HashMap<>();
    private static final Map<String, String> ECONOMIC = new HashMap<>();

    static {
        try (InputStream in = ClassificationNames.class.getResourceAsStream("/classification/names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("classification/names.tsv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                (cells[0].equals("F") ? FUNCTIONAL : ECONOMIC).put(cells[1], cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClassificationNames() {
    }

    /** The name of a 功能分类 code of any level, or null when it is not in the list. */
    public static String functional(String code) {
        return code == null ? null : FUNCTIONAL.get(code);
    }

    /** The name of a 经济分类 code (类 or 款), or null when it is not in the list. */
    public static String economic(String code) {
        return code == null ? null : ECONOMIC.get(code);
    }

    /** "2060101 行政运行", or the code alone. */
    public static String functionalLabel(String code) {
        return label(code, functional(code));
    }

    /** "30227 委托业务费", or the code alone. */
    public static String economicLabel(String code) {
        return label(code, economic(code));
    }

    /** The 类 › 款 › 项 of a 功能分类 code with the names known: "206 科学技术支出 › 20601 … › 2060101 行政运行". */
    public static String functionalPath(String code) {
        if (code == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int length : new int[] {3, 5, 7}) {
            if (code.length() >= length) {
                parts.add(functionalLabel(code.substring(0, length)));
            }
        }
        return String.join(" › ", parts);
    }

    /** The 类 › 款 of a 经济分类 code with the names known: "302 商品和服务支出 › 30227 委托业务费". */
    public static String economicPath(String code) {
        if (code == null) {
            return null;
        }
        return code.length() > 3 ? economicLabel(code.substring(0, 3)) + " › " + economicLabel(code)
                : economicLabel(code);
    }

    private static String label(String code, String name) {
        if (code == null) {
            return null;
        }
        return name == null ? code : code + " " + name;
    }
}
