package cn.perfledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How revision 1 of the indicator events read targets and actuals, restated in revision 2's terms so that a
 * revision-1 year replays to exactly the figures it had (the parser then had no direction: it read one from the
 * text, a bare number as "at least", and compared a bounded actual at its number).
 * <pre>
 * revision 1 target: {"text":"9月前","comparator":"GE","number":9,"unit":"月","normalisedValue":9,"baseUnit":"月",
 *                     "polarity":"POSITIVE"}
 * revision 2 target: {"text":"9月前","direction":"POSITIVE","directionSource":"LEGACY","comparator":"GE","number":9,
 *                     "unit":"月","normalisedValue":9,"baseUnit":"月","upperNumber":null,"upperNormalisedValue":null}
 * </pre>
 * <ul>
 *   <li>{@code direction} is the one the old comparator meant (≥ &gt; 正向, ≤ &lt; 反向, = 等于), marked
 *       {@code LEGACY} so that users and auditors see it was the old parser's reading, not theirs; {@code polarity}
 *       is dropped (it was derived from the comparator);</li>
 *   <li>the old comparator {@code QUALITATIVE} ("100%达标": met by 达标/已完成 or by reaching the number, 100% when
 *       met, else actual ÷ target) is {@code FULLY_ACHIEVED} with direction 等于, whose rule gives exactly that;</li>
 *   <li>an actual's {@code bound} ("少于5个" → LT) was never used: revision 1 compared the number. It becomes null, so
 *       the actual is still compared at its number; {@code grade} did not exist and is null.</li>
 * </ul>
 */
final class LegacyIndicatorReading {

    private LegacyIndicatorReading() {
    }

    /** A revision-1 target object in its revision-2 form (a copy). */
    static JsonNode target(JsonNode revision1) {
        if (revision1 == null || revision1.isNull()) {
            return revision1;
        }
        ObjectNode target = ((ObjectNode) revision1).deepCopy();
        String comparator = target.path("comparator").asText();
        String direction = switch (comparator) {
            case "GE", "GT" -> "POSITIVE";
            case "LE", "LT" -> "REVERSE";
            case "EQ", "QUALITATIVE" -> "EQUAL";
            default -> throw new IllegalStateException("revision-1 target with an unknown comparator: " + comparator);
        };
        if ("QUALITATIVE".equals(comparator)) {
            target.put("comparator", "FULLY_ACHIEVED");
        }
        target.remove("polarity");
        target.put("direction", direction);
        target.put("directionSource", "LEGACY");
        if (!target.has("upperNumber")) {
            target.putNull("upperNumber");
        }
        if (!target.has("upperNormalisedValue")) {
            target.putNull("upperNormalisedValue");
        }
        return target;
    }

    /** A revision-1 actual value in its revision-2 form (a copy): compared at its number, no grade. */
    static JsonNode actual(JsonNode revision1) {
        if (revision1 == null || revision1.isNull()) {
            return revision1;
        }
        ObjectNode actual = ((ObjectNode) revision1).deepCopy();
        actual.putNull("bound");
        actual.putNull("grade");
        return actual;
    }
}
