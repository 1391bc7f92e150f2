package cn.perfledger.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The rubric version the generated years are scored by: the product's own {@code rubrics/gz-municipal-2021.json}
 * as the built jar ships it (a publish request of {@code /api/v1/rubrics}), with its judgement leaves and the
 * indicators its leaves name, so that the scored table has every input kind to fold.
 */
final class RubricFile {

    private static final String ENTRY = "BOOT-INF/classes/rubrics/gz-municipal-2021.json";

    record Leaf(String code, String indicatorId, BigDecimal weight) {
    }

    final byte[] json;
    final String versionId;
    final List<Leaf> judgements = new ArrayList<>();
    final List<Leaf> indicators = new ArrayList<>();
    /** A bonus/penalty leaf exists: one entry is recorded. */
    boolean bonusPenalty;

    private RubricFile(byte[] json) {
        this.json = json;
        JsonNode root = read(json);
        this.versionId = root.get("rubricVersionId").asText();
        for (JsonNode node : root.get("tree")) {
            walk(node);
        }
    }

    static RubricFile fromJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(ENTRY);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new RubricFile(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void walk(JsonNode node) {
        JsonNode children = node.get("children");
        if (children != null && children.size() > 0) {
            for (JsonNode child : children) {
                walk(child);
            }
            return;
        }
        JsonNode input = node.get("input");
        String kind = input == null || input.get("kind") == null ? "" : input.get("kind").asText();
        BigDecimal weight = new BigDecimal(node.get("weight").asText());
        switch (kind) {
            case "judgement" -> judgements.add(new Leaf(node.get("code").asText(), null, weight));
            case "indicator" -> indicators.add(new Leaf(node.get("code").asText(), input.get("indicatorId").asText(), weight));
            case "bonusPenalty" -> bonusPenalty = true;
            default -> {
                // ledger metrics and groups are computed from the ledger itself
            }
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
