package cn.perfledger.app.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Builds the ObjectMapper used everywhere: Axon's event, message and snapshot serializer and the REST API.
 *
 * <ul>
 *   <li>dates and times as ISO strings ({@code "2021-03-31"}, {@code "2021-03-31T08:00:00Z"});</li>
 *   <li>{@code Money} as its plain string in yuan ({@code "1234.50"}), typed ids as their plain string
 *       ({@link LedgerValueTypesModule}); {@code BigDecimal} written plain, never in exponent form;</li>
 *   <li>the ledger's own classes ({@code cn.perfledger.*}) are read through their fields, not getters, so that
 *       aggregate snapshots capture exactly the state the event-sourcing handlers assign; records still map
 *       to and from their components (their fields carry the component names, their canonical constructor
 *       is the creator). Framework classes (Axon tokens, Spring's ProblemDetail) keep Jackson's defaults;</li>
 *   <li>unknown properties are ignored (an older reader meets a newer event), fractional numbers are never
 *       truncated into integers, and floating numbers are read as {@code BigDecimal};</li>
 *   <li>strict where leniency would guess: a {@code LocalDate} is {@code yyyy-MM-dd} only (no instant cut to a
 *       date, no epoch-day number), a text must be a JSON string (no {@code true}/{@code 12} coerced to
 *       {@code "true"}/{@code "12"}), a name appears once per object ({@code "amount":"1.00","amount":"999999.00"}
 *       is refused, not read as its last value) and a document is one value (nothing but white space after it:
 *       {@code {…} x} or {@code {…}{…}} is refused). {@link #strictnessRefusal} words the last two for the API.</li>
 * </ul>
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    /** A new, fully configured mapper. */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the ledger's conventions to {@code mapper} and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setAnnotationIntrospector(new LedgerAnnotationIntrospector());
        mapper.registerModule(new Jdk8Module());
        mapper.registerModule(new JavaTimeModule());
        // after JavaTimeModule, so that it is asked first: the common "yyyy-MM-dd" without DateTimeFormatter
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("ledger-iso-dates")
                .addDeserializer(java.time.LocalDate.class, new IsoDateDeserializer()));
        mapper.registerModule(new ParameterNamesModule());
        mapper.registerModule(new LedgerValueTypesModule());
        mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // one value per document, each name once per object: a second "amount" or text after the body is refused
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a date is "yyyy-MM-dd" only: no instants cut to a date ("2021-12-31T20:00:00Z" is 2022 in Beijing), no
        // epoch-day numbers
        mapper.configOverride(java.time.LocalDate.class)
                .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
        // a text is a JSON string: true, 12 or 1.5 where a text is expected is a wrong type, not "true"/"12"/"1.5"
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return mapper;
    }

    /** A refused JSON text in the API's terms: the field (JSON path, or {@code body}) and the rule, in Chinese. */
    public record Refusal(String field, String rule) {
    }

    /**
     * Why reading failed, when it was one of the strictness rules above: a name given twice in one object, or
     * something after the document's value. Null for any other failure.
     */
    public static Refusal strictnessRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
                String name = parse.getOriginalMessage().substring(DUPLICATE_FIELD.length()).replaceAll("'$", "");
                String path = parse.getProcessor() == null ? "" : path(parse.getProcessor().getParsingContext());
                return new Refusal(path.isEmpty() ? name : path + "." + name,
                        "字段重复：同一 JSON 对象中「" + name + "」出现了不止一次，无法判断以哪一个为准，每个字段只能写一次");
            }
            boolean trailing = t instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                    && mismatch.getOriginalMessage().startsWith("Trailing token");
            // unparsable text after the value fails inside the trailing-token check itself
            trailing |= t instanceof JsonParseException && java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("_verifyNoTrailingTokens"));
            if (trailing) {
                JsonLocation at = ((JsonProcessingException) t).getLocation();
                return new Refusal("body", "请求体只能是一个 JSON 值，其后不能再有其他内容" + (at == null ? ""
                        : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列起）"));
            }
        }
        return null;
    }

    private static final String DUPLICATE_FIELD = "Duplicate field '";

    /** {@code entries[1]}: where the object being read sits in the document (empty at the top level). */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext parent = context.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.inArray()) {
                parts.push("[" + parent.getCurrentIndex() + "]");
            } else if (parent.inObject()) {
                parts.push("." + parent.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /**
     * The JSON scalar a domain value type maps to: {@code "string"} (Money, typed ids, codes), {@code "integer"}
     * (FiscalYear), or null for ordinary objects. Used to describe these types in the OpenAPI document.
     */
    public static String scalarKind(Class<?> type) {
        ValueType valueType = ValueType.of(type);
        if (valueType == null) {
            return null;
        }
        return valueType.numeric() ? "integer" : "string";
    }

    /** True for the ledger's own classes, which follow the field-based convention. */
    static boolean isLedgerClass(Class<?> type) {
        return type.getName().startsWith("cn.perfledger.");
    }

    /**
     * Field visibility ANY and getters NONE for {@code cn.perfledger.*} classes unless a class states its own
     * {@link JsonAutoDetect}; every other class keeps the defaults (Axon's tracking tokens rely on them).
     */
    static final class LedgerAnnotationIntrospector extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass ac, VisibilityChecker<?> checker) {
            VisibilityChecker<?> result = super.findAutoDetectVisibility(ac, checker);
            if (isLedgerClass(ac.getRawType()) && !ac.hasAnnotation(JsonAutoDetect.class)) {
                result = result.withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE);
            }
            return result;
        }
    }
}
