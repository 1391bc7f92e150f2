package cn.perfledger.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Maps the domain's small value records (Money, typed ids, FiscalYear) to JSON scalars and back, as values
 * and as map keys; see {@link ValueType} for the rules. A value the domain refuses (a bad code, an amount with
 * three decimals or in exponent form) becomes an {@link InvalidFormatException} whose cause is the domain's
 * exception, so the REST layer can answer with the JSON path and the rule.
 */
public final class LedgerValueTypesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public LedgerValueTypesModule() {
        super("perfledger-value-types");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                    BeanDescription beanDesc) {
                ValueType valueType = ValueType.of(type.getRawClass());
                return valueType == null ? null : new ValueSerializer(valueType);
            }
        });
        context.addKeySerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                    BeanDescription beanDesc) {
                ValueType valueType = ValueType.of(type.getRawClass());
                return valueType == null ? null : new KeySerializer(valueType);
            }
        });
        context.addDeserializers(new com.fasterxml.jackson.databind.deser.Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                ValueType valueType = ValueType.of(type.getRawClass());
                return valueType == null ? null : new ValueDeserializer(valueType);
            }
        });
        context.addKeyDeserializers(new KeyDeserializers() {
            @Override
            public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                ValueType valueType = ValueType.of(type.getRawClass());
                return valueType == null ? null : new ValueKeyDeserializer(valueType);
            }
        });
    }

    private static InvalidFormatException invalid(JsonParser p, ValueType valueType, String text, RuntimeException e) {
        String rule = e instanceof cn.perfledger.domain.common.DomainException domain ? domain.rule() : e.getMessage();
        InvalidFormatException failure = InvalidFormatException.from(p, rule, text, valueType.type);
        failure.initCause(e);
        return failure;
    }

    static final class ValueSerializer extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient ValueType valueType;

        ValueSerializer(ValueType valueType) {
            super(Object.class);
            this.valueType = valueType;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object scalar = valueType.write(value);
            if (scalar instanceof Integer i) {
                gen.writeNumber(i);
            } else if (scalar instanceof Long l) {
                gen.writeNumber(l);
            } else {
                gen.writeString((String) scalar);
            }
        }
    }

    static final class KeySerializer extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient ValueType valueType;

        KeySerializer(ValueType valueType) {
            super(Object.class);
            this.valueType = valueType;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(String.valueOf(valueType.write(value)));
        }
    }

    static final class ValueDeserializer extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;
        /** Beyond this many distinct values per type nothing more is shared (the memory saved would not pay). */
        private static final int MAX_SHARED = 20_000;
        private final transient ValueType valueType;
        /**
         * Ids and codes repeat in every event (the year's id, its line ids, units): equal immutable values are
         * shared instead of held once per event. Amounts and voucher numbers rarely repeat and are not shared.
         */
        private final transient java.util.concurrent.ConcurrentHashMap<String, Object> shared;

        ValueDeserializer(ValueType valueType) {
            super(valueType.type);
            this.valueType = valueType;
            boolean unique = valueType.type == cn.perfledger.domain.common.Money.class
                    || valueType.type == cn.perfledger.domain.common.VoucherNo.class;
            this.shared = unique ? null : new java.util.concurrent.ConcurrentHashMap<>();
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return ctxt.handleUnexpectedToken(valueType.type, p);
            }
            // For numbers getText() is the literal as written, so 1e5 and 12.345 reach Money's own checks.
            String text = p.getText();
            try {
                if (shared != null) {
                    Object known = shared.get(text);
                    if (known != null) {
                        return known;
                    }
                }
                Object value = valueType.read(text);
                if (shared != null && shared.size() < MAX_SHARED) {
                    shared.putIfAbsent(text, value);
                }
                return value;
            } catch (RuntimeException e) {
                throw invalid(p, valueType, text, e);
            }
        }
    }

    static final class ValueKeyDeserializer extends KeyDeserializer {
        private final ValueType valueType;

        ValueKeyDeserializer(ValueType valueType) {
            this.valueType = valueType;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return valueType.read(key);
            } catch (RuntimeException e) {
                throw invalid(ctxt.getParser(), valueType, key, e);
            }
        }
    }
}
