package cn.perfledger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.perfledger.app.json.LedgerJson;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is read only when its revision is the aggregate's {@code @Revision} (see
 * {@code SnapshotRevisionScenarios}), so the revision must change whenever the snapshotted state changes shape.
 * This test makes forgetting that impossible: the shape of every snapshotted aggregate's state (its fields and
 * those of the ledger's own classes they hold, with their types; enum constants) is approved per revision in
 * {@code src/test/resources/approved-snapshots/<Aggregate>.r<revision>.txt}. A changed shape under an approved
 * revision fails; a new revision writes its shape to {@code target/approved-snapshots/} to be reviewed and copied.
 */
class SnapshotShapeTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-snapshots");
    private static final Path RECEIVED = Path.of("target/approved-snapshots");

    @Test
    void everySnapshottedAggregate_hasARevision_andTheApprovedShapeOfThatRevision() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<?> aggregate : LedgerAxonConfiguration.SNAPSHOTTED) {
            Revision revision = aggregate.getAnnotation(Revision.class);
            if (revision == null) {
                problems.add(aggregate.getSimpleName() + " is snapshotted but has no @Revision");
                continue;
            }
            String fileName = aggregate.getSimpleName() + ".r" + revision.value() + ".txt";
            String shape = shape(aggregate);
            Path approved = APPROVED.resolve(fileName);
            if (!Files.exists(approved)) {
                Files.createDirectories(RECEIVED);
                Files.writeString(RECEIVED.resolve(fileName), shape, StandardCharsets.UTF_8);
                problems.add(fileName + " is not approved yet: review ledger-app/" + RECEIVED.resolve(fileName)
                        + " and copy it to ledger-app/" + approved);
            } else if (!Files.readString(approved, StandardCharsets.UTF_8).equals(shape)) {
                Files.createDirectories(RECEIVED);
                Files.writeString(RECEIVED.resolve(fileName), shape, StandardCharsets.UTF_8);
                problems.add("the snapshot state of " + aggregate.getSimpleName() + " changed under revision "
                        + revision.value() + " (now in ledger-app/" + RECEIVED.resolve(fileName) + "): bump its"
                        + " @Revision, so that snapshots of the old shape are skipped, and approve the new shape");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void theShape_namesFieldsWithTheirTypes_andFollowsTheLedgersOwnClasses() {
        String shape = shape(Sample.class);
        assertThat(shape).isEqualTo("""
                SnapshotShapeTest.Sample
                  count: int
                  parts: Map<String, SnapshotShapeTest.Part>
                  money: Money
                SnapshotShapeTest.Part
                  kind: SnapshotShapeTest.Kind
                  ids: List<Long>
                SnapshotShapeTest.Kind = [A, B]
                """);
    }

    /** The classes a snapshot of {@code root} holds, each with its fields in declaration order. */
    static String shape(Class<?> root) {
        StringBuilder out = new StringBuilder();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> type = todo.removeFirst();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isEnum()) {
                out.append(name(type)).append(" = ").append(Arrays.toString(type.getEnumConstants())).append('\n');
                continue;
            }
            out.append(name(type)).append('\n');
            for (Field field : stateFields(type)) {
                out.append("  ").append(field.getName()).append(": ").append(typeName(field.getGenericType()))
                        .append('\n');
                collectOwnClasses(field.getGenericType(), todo);
            }
        }
        return out.toString();
    }

    private static List<Field> stateFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(declaredField(type, component.getName()));
            }
            return fields;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                        && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's own classes that are written as objects (value types are scalars: their fields do not show). */
    private static void collectOwnClasses(Type type, Deque<Class<?>> todo) {
        if (type instanceof ParameterizedType parameterized) {
            collectOwnClasses(parameterized.getRawType(), todo);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectOwnClasses(argument, todo);
            }
        } else if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            if (element.getName().startsWith("cn.perfledger.") && LedgerJson.scalarKind(element) == null) {
                todo.addLast(element);
            }
        }
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            StringBuilder name = new StringBuilder(typeName(parameterized.getRawType())).append('<');
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                name.append(i == 0 ? "" : ", ").append(typeName(arguments[i]));
            }
            return name.append('>').toString();
        }
        return type instanceof Class<?> c ? name(c) : type.getTypeName();
    }

    private static String name(Class<?> type) {
        if (type.isArray()) {
            return name(type.getComponentType()) + "[]";
        }
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    @SuppressWarnings("unused")
    private static final class Sample {
        private static final int IGNORED = 1;
        private int count;
        private java.util.Map<String, Part> parts;
        private cn.perfledger.domain.common.Money money;
    }

    @SuppressWarnings("unused")
    private static final class Part {
        private Kind kind;
        private List<Long> ids;
    }

    private enum Kind { A, B }
}
