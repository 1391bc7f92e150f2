package cn.perfledger.projections.properties;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain, deterministic JSON-like writer for the projections' result records (no Jackson in projections):
 * records by their components in declaration order, lists in order, maps in iteration order, decimals as written
 * (scale included, so 1.0 and 1.00 differ), enums by name. Two results with the same bytes here are identical
 * field for field.
 *
 * <p>With {@code maskLineage} it leaves out where each piece came from in the store (global sequence, event id,
 * recording time): what differs between two recordings of the same facts in a different order.
 */
final class CanonicalWriter {

    private static final Set<String> LINEAGE = Set.of("globalSequence", "eventId", "recordedAt", "sequenceNumber",
            "lastGlobalSequence");

    /** Each record class's components with accessible accessors, looked up once. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private final boolean maskLineage;
    private final StringBuilder out = new StringBuilder(4096);

    private CanonicalWriter(boolean maskLineage) {
        this.maskLineage = maskLineage;
    }

    static String write(Object value) {
        return write(value, false);
    }

    static String write(Object value, boolean maskLineage) {
        CanonicalWriter writer = new CanonicalWriter(maskLineage);
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            string(e.name());
        } else if (value instanceof TemporalAccessor t) {
            string(t.toString());
        } else if (value instanceof Optional<?> o) {
            value(o.orElse(null));
        } else if (value.getClass().isRecord()) {
            record(value);
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object element : c) {
                out.append(first ? "" : ",");
                first = false;
                value(element);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(String.valueOf(entry.getKey()));
                out.append(':');
                value(entry.getValue());
            }
            out.append('}');
        } else if (value.getClass().isArray()) {
            throw new IllegalArgumentException("arrays are not part of any result: " + value.getClass());
        } else {
            // Typed ids and other value types print their raw value; an identity toString would make bytes vary.
            String text = value.toString();
            if (text.contains(value.getClass().getSimpleName() + "@")) {
                throw new IllegalArgumentException("no stable form for " + value.getClass().getName());
            }
            string(text);
        }
    }

    private void record(Object record) {
        out.append('{');
        boolean first = true;
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            if (maskLineage && LINEAGE.contains(component.getName())) {
                continue;
            }
            out.append(first ? "" : ",");
            first = false;
            string(component.getName());
            out.append(':');
            try {
                value(component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        out.append('}');
    }

    /** Where two writings first differ, with some context, for failure messages that fit on a screen. */
    static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 300);
        return "first difference at char " + i + " of " + expected.length() + "/" + actual.length()
                + "\n  expected: …" + expected.substring(from, Math.min(expected.length(), i + 200))
                + "\n  actual:   …" + actual.substring(from, Math.min(actual.length(), i + 200));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
