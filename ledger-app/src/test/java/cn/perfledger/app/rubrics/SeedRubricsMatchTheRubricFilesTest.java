package cn.perfledger.app.rubrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The domain's seed rubrics ({@link RubricFixtures}, which the domain's and the projections' tests score) are the
 * rubric files the application ships: the same version, totals, rounding and tree — codes, weights, rules and
 * inputs, node by node. Only the texts (names, 指标解释, criteria, provenance) are left out of the fixtures. A change to a file
 * that the fixtures do not follow, or the other way round, fails here: the item codes cannot drift apart again.
 */
class SeedRubricsMatchTheRubricFilesTest {

    private static final ObjectMapper MAPPER = LedgerJson.newObjectMapper();
    private static final Set<String> TEXTS = Set.of("name", "description", "criteria", "provenance");

    @ParameterizedTest
    @CsvSource({"gz-municipal-2021.json, 002", "haizhu-2023.json, 000"})
    void fixture_isTheShippedRubricFile_withoutItsTexts(String file, String seed) throws IOException {
        PublishRubric shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rubrics/" + file)) {
            assertThat(in).as(file).isNotNull();
            shipped = MAPPER.readValue(in, PublishRubric.class);
        }
        PublishRubric fixture = seed.equals("002") ? RubricFixtures.publishSeed002() : RubricFixtures.publishSeed000();

        assertThat(fixture.rubricVersionId()).isEqualTo(shipped.rubricVersionId());
        assertThat(fixture.totalWeight()).isEqualByComparingTo(shipped.totalWeight());
        assertThat(fixture.bonusCap()).isEqualByComparingTo(shipped.bonusCap());
        assertThat(fixture.rounding()).isEqualTo(shipped.rounding());
        assertThat(shape(MAPPER.valueToTree(fixture.tree()))).isEqualTo(shape(MAPPER.valueToTree(shipped.tree())));
    }

    /** The tree without texts, nulls and empty lists, every number as its plain value (2.00 is 2). */
    private static JsonNode shape(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (TEXTS.contains(field.getKey()) || value.isNull() || value.isArray() && value.isEmpty()) {
                    continue;
                }
                copy.set(field.getKey(), shape(value));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(shape(element)));
            return copy;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.textNode(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        return node;
    }
}
