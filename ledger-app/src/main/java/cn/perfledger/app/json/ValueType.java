package cn.perfledger.app.json;

import cn.perfledger.domain.common.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * How a small domain value record maps to a JSON scalar. The rules (no annotations in the domain):
 * <ul>
 *   <li>{@link Money}: its plain string in yuan, read back with {@link Money#of(String)};</li>
 *   <li>a composite id: a record of the domain ({@code cn.perfledger.domain..}) that implements no interface of
 *       the ledger, whose components are all scalar value types themselves, and that declares {@code toString()}
 *       and {@code public static T parse(String)} (FiscalYearId {@code DEPT/2021}, EvaluationId
 *       {@code DEPT/2021/evaluation}): its {@code toString()}, read back with {@code parse}. Records that merely
 *       have a parse method (TargetExpression, ActualValue) stay objects, with their parsed parts visible;</li>
 *   <li>such a record with a single {@code String} component (DepartmentId, BudgetLineId, VoucherNo, UnitCode,
 *       EconomicCode, …): that string, read back through the canonical constructor, so its validation runs;</li>
 *   <li>such a record with a single {@code int} or {@code long} component (FiscalYear): that number.</li>
 * </ul>
 * Records that implement a ledger interface (events, commands) are messages, never scalars.
 */
abstract sealed class ValueType {

    private static final ClassValue<ValueType> CACHE = new ClassValue<>() {
        @Override
        protected ValueType computeValue(Class<?> type) {
            return detect(type);
        }
    };

    /** The scalar mapping of {@code type}, or null when it is an ordinary object. */
    static ValueType of(Class<?> type) {
        return CACHE.get(type);
    }

    final Class<?> type;

    ValueType(Class<?> type) {
        this.type = type;
    }

    /** True when the JSON form is a number rather than a string. */
    boolean numeric() {
        return false;
    }

    /** The JSON scalar (String or Number) of {@code value}. */
    abstract Object write(Object value);

    /** The value of the JSON scalar's text; domain validation exceptions propagate unchanged. */
    abstract Object read(String text);

    private static ValueType detect(Class<?> type) {
        if (type == Money.class) {
            return new MoneyType();
        }
        if (!type.isRecord() || !type.getName().startsWith("cn.perfledger.domain.")) {
            return null;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented.getName().startsWith("cn.perfledger.")) {
                return null;
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Method parse = parseMethod(type);
        if (parse != null && declaresToString(type) && allScalar(components)) {
            return new ParsedType(type, parse);
        }
        if (components.length != 1) {
            return null;
        }
        Class<?> componentType = components[0].getType();
        if (componentType == String.class) {
            return new StringRecordType(type, components[0]);
        }
        if (componentType == int.class || componentType == long.class) {
            return new NumberRecordType(type, components[0]);
        }
        return null;
    }

    /** A composite id: every component is itself a scalar value type (FiscalYearId = DepartmentId + FiscalYear). */
    private static boolean allScalar(RecordComponent[] components) {
        if (components.length == 0) {
            return false;
        }
        for (RecordComponent component : components) {
            if (of(component.getType()) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean declaresToString(Class<?> type) {
        try {
            return type.getDeclaredMethod("toString").getDeclaringClass() == type;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Method parseMethod(Class<?> type) {
        try {
            Method parse = type.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && parse.getReturnType() == type) {
                return parse;
            }
        } catch (NoSuchMethodException e) {
            // not a parsed type
        }
        return null;
    }

    static RuntimeException unwrap(ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    static final class MoneyType extends ValueType {
        MoneyType() {
            super(Money.class);
        }

        @Override
        Object write(Object value) {
            return value.toString();
        }

        @Override
        Object read(String text) {
            return Money.of(text);
        }
    }

    static final class ParsedType extends ValueType {
        private final Method parse;

        ParsedType(Class<?> type, Method parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        Object write(Object value) {
            return value.toString();
        }

        @Override
        Object read(String text) {
            try {
                return parse.invoke(null, text);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }
    }

    static final class StringRecordType extends ValueType {
        private final Method accessor;
        private final Constructor<?> constructor;

        StringRecordType(Class<?> type, RecordComponent component) {
            super(type);
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            try {
                this.constructor = type.getDeclaredConstructor(String.class);
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Object write(Object value) {
            try {
                return accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }

        @Override
        Object read(String text) {
            try {
                return constructor.newInstance(text);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }
    }

    static final class NumberRecordType extends ValueType {
        private final Method accessor;
        private final Constructor<?> constructor;
        private final boolean isLong;

        NumberRecordType(Class<?> type, RecordComponent component) {
            super(type);
            this.isLong = component.getType() == long.class;
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            try {
                this.constructor = type.getDeclaredConstructor(component.getType());
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        boolean numeric() {
            return true;
        }

        @Override
        Object write(Object value) {
            try {
                return accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }

        @Override
        Object read(String text) {
            Object number;
            try {
                number = isLong ? (Object) Long.parseLong(text.strip()) : (Object) Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("应为整数: " + text);
            }
            try {
                return constructor.newInstance(number);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }
    }
}
