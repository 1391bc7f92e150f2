package cn.perfledger.app.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a {@code "yyyy-MM-dd"} date with {@code LocalDate.of} and leaves everything else — other shapes, impossible
 * dates such as {@code 2021-02-30}, other tokens — to the JavaTimeModule's deserializer it wraps, which therefore
 * still decides every refusal and its wording (and reads alone a property that names its own pattern). Why: every event carries its effective date, and the
 * {@code DateTimeFormatter} parse was a fifth of deserializing an event on a cold read of a 100,000-event year.
 */
final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> implements ContextualDeserializer {

    private final JsonDeserializer<LocalDate> standard;

    IsoDateDeserializer() {
        this(LocalDateDeserializer.INSTANCE);
    }

    private IsoDateDeserializer(JsonDeserializer<LocalDate> standard) {
        super(LocalDate.class);
        this.standard = standard;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = standard instanceof ContextualDeserializer c
                ? c.createContextual(context, property) : standard;
        if (findFormatOverrides(context, property, LocalDate.class).hasPattern()) {
            // a property with its own pattern: only the standard reader knows it
            return contextual;
        }
        return contextual == standard ? this : new IsoDateDeserializer((JsonDeserializer<LocalDate>) contextual);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getTextLength() == 10) {
            LocalDate date = isoDate(parser.getTextCharacters(), parser.getTextOffset());
            if (date != null) {
                return date;
            }
        }
        return standard.deserialize(parser, context);
    }

    /** The date of exactly {@code dddd-dd-dd} at {@code offset}, or null (not that shape, or no such day). */
    static LocalDate isoDate(char[] text, int offset) {
        for (int i = 0; i < 10; i++) {
            char c = text[offset + i];
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : c < '0' || c > '9') {
                return null;
            }
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(char[] text, int offset, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (text[offset + i] - '0');
        }
        return value;
    }
}
