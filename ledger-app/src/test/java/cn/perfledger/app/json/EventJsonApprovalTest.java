package cn.perfledger.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.perfledger.app.upcasting.UpcasterConfiguration;
import cn.perfledger.domain.common.LedgerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.annotation.Order;

/**
 * The JSON form of every event type is locked: once released it changes only with a new {@code @Revision} and an
 * upcaster from the old one. One approved file per event type and revision,
 * {@code src/test/resources/approved-events/<Type>.r<revision>.json}, holds the form of {@link EventSamples}' sample,
 * so that changes to different event types never touch the same file.
 * <ul>
 *   <li>every event type has a sample and an approved file for its current revision, equal to what the serializer
 *       writes for the sample, which reads back equal to the sample;</li>
 *   <li>every approved file of an older revision reads through the application's upcaster chain as the current
 *       revision, with the current form's fields.</li>
 * </ul>
 * A changed or new form is written to {@code target/approved-events/}; after review approve it by copying it, or run
 * {@code ./mvnw -pl ledger-app -am test -Dtest=EventJsonApprovalTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.approve=true}, which writes the current revisions' files (never an older revision's).
 */
class EventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final Path RECEIVED = Path.of("target/approved-events");
    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z]+)\\.r([0-9A-Za-z.-]+)\\.json");

    private final ObjectMapper mapper = LedgerJson.newObjectMapper();
    /** Trees that keep a decimal's scale as written (5.00 stays 5.00), unlike Jackson's default node factory. */
    private final ObjectMapper trees = LedgerJson.newObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    @Test
    void everyEventType_hasASample_andEverySampleIsAnEventType() {
        assertThat(EventSamples.byType().keySet()).as("samples in EventSamples")
                .containsExactlyInAnyOrderElementsOf(EventSamples.eventTypes());
        assertThat(EventSamples.eventTypes()).as("event types").hasSizeGreaterThanOrEqualTo(32);
    }

    @TestFactory
    Stream<DynamicTest> everyEventType_hasTheApprovedJsonOfItsRevision() {
        Map<Class<?>, LedgerEvent> samples = EventSamples.byType();
        return EventSamples.eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            LedgerEvent sample = samples.get(type);
            assertThat(sample).as("a sample of " + type.getSimpleName() + " in EventSamples").isNotNull();
            String revision = revision(type);
            String fileName = type.getSimpleName() + ".r" + revision + ".json";
            String written = pretty(trees.readTree(mapper.writeValueAsString(sample)));
            Path approved = APPROVED.resolve(fileName);
            if (Boolean.getBoolean("ledger.approve")) {
                Files.writeString(approved, written, StandardCharsets.UTF_8);
            }
            if (!Files.exists(approved)) {
                receive(fileName, written);
                fail(fileName + " is not approved: review ledger-app/" + RECEIVED.resolve(fileName)
                        + " and copy it to ledger-app/" + approved + " (or run with -Dledger.approve=true)");
            }
            JsonNode locked = trees.readTree(Files.readString(approved, StandardCharsets.UTF_8));
            if (!locked.equals(trees.readTree(written))) {
                receive(fileName, written);
                fail("the JSON of " + type.getSimpleName() + " changed under revision " + revision + " (now in ledger-app/"
                        + RECEIVED.resolve(fileName) + "): stored events of that revision would be read wrongly. Bump"
                        + " its @Revision, add an upcaster from revision " + revision + " (ledger-app upcasting/), keep "
                        + fileName + " and approve the new revision's file");
            }
            assertThat((Object) mapper.readValue(Files.readString(approved, StandardCharsets.UTF_8), type))
                    .as("the approved JSON reads back as the sample")
                    .isEqualTo(sample);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOlderApprovedRevision_readsThroughTheUpcastersAsTheCurrentOne() throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(APPROVED)) {
            files = listed.sorted().toList();
        }
        EventUpcasterChain chain = applicationUpcasters();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                assertThat(name.matches()).as("approved files are named <Type>.r<revision>.json").isTrue();
                Class<?> type = EventSamples.eventTypes().stream()
                        .filter(t -> t.getSimpleName().equals(name.group(1))).findFirst().orElse(null);
                assertThat(type).as(name.group(1) + " is an event type (remove the files of a removed type)")
                        .isNotNull();
                String current = revision(type);
                if (name.group(2).equals(current)) {
                    return; // the current form: checked against the sample above
                }
                byte[] payload = Files.readAllBytes(file);
                assertThat(upcastRevisions(chain, type, name.group(2), payload))
                        .as("an upcaster brings revision %s of %s to revision %s", name.group(2), type.getSimpleName(),
                                current)
                        .containsExactly(current);
                DomainEventMessage<?> upcast = upcast(chain, type, name.group(2), payload);
                assertThat(upcast.getPayloadType()).isEqualTo(type);
                JsonNode read = mapper.valueToTree(upcast.getPayload());
                JsonNode currentForm = mapper.readTree(APPROVED.resolve(type.getSimpleName() + ".r" + current
                        + ".json").toFile());
                assertThat(fieldNames(read)).as("revision %s read as revision %s", name.group(2), current)
                        .isEqualTo(withoutInsideOf(fieldNames(currentForm), nullFields(read)));
            }));
        }
        return tests.stream();
    }

    private String revision(Class<?> type) {
        String revision = serializer.typeForClass(type).getRevision();
        assertThat(revision).as(type.getSimpleName() + " has a @Revision").isNotNull();
        return revision;
    }

    private String pretty(JsonNode node) throws IOException {
        return trees.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    private static void receive(String fileName, String written) throws IOException {
        Files.createDirectories(RECEIVED);
        Files.writeString(RECEIVED.resolve(fileName), written, StandardCharsets.UTF_8);
    }

    private static GenericDomainEventEntry<byte[]> stored(Class<?> type, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Aggregate", "id-1", 0, "event-1", Instant.EPOCH, type.getName(),
                revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The revisions the chain turns one stored event into. */
    private List<String> upcastRevisions(EventUpcasterChain chain, Class<?> type, String revision, byte[] payload) {
        return chain.upcast(Stream.of(new InitialEventRepresentation(stored(type, revision, payload), serializer)))
                .map(representation -> representation.getType().getRevision()).toList();
    }

    private DomainEventMessage<?> upcast(EventUpcasterChain chain, Class<?> type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = stored(type, revision, payload);
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                serializer, chain).next();
        message.getPayload(); // fails here when the upcast form does not deserialize
        return message;
    }

    /** The upcasters the application registers ({@link UpcasterConfiguration}'s beans, in their order). */
    private static EventUpcasterChain applicationUpcasters() throws Exception {
        UpcasterConfiguration configuration = new UpcasterConfiguration();
        List<Method> factories = new ArrayList<>();
        for (Method method : UpcasterConfiguration.class.getMethods()) {
            if (EventUpcaster.class.isAssignableFrom(method.getReturnType()) && method.getParameterCount() == 0) {
                factories.add(method);
            }
        }
        factories.sort(Comparator.comparingInt(m -> m.isAnnotationPresent(Order.class)
                ? m.getAnnotation(Order.class).value() : Integer.MAX_VALUE));
        List<EventUpcaster> upcasters = new ArrayList<>();
        for (Method factory : factories) {
            upcasters.add((EventUpcaster) factory.invoke(configuration));
        }
        return new EventUpcasterChain(upcasters);
    }

    /** The paths of all object fields, e.g. {@code shares[].lineId}. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collect(node, "", names);
        return names;
    }

    /** The fields an upcaster sets to null (a default, e.g. the rubric's 得分系数): their insides are not compared. */
    private static Set<String> nullFields(JsonNode node) {
        Set<String> names = fieldNames(node);
        names.removeIf(field -> !node.at("/" + field.replace(".", "/")).isNull());
        return names;
    }

    private static Set<String> withoutInsideOf(Set<String> names, Set<String> nullFields) {
        Set<String> kept = new TreeSet<>(names);
        kept.removeIf(field -> nullFields.stream().anyMatch(nul -> field.startsWith(nul + ".")
                || field.startsWith(nul + "[]")));
        return kept;
    }

    private static void collect(JsonNode node, String prefix, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(prefix + field.getKey());
                collect(field.getValue(), prefix + field.getKey() + ".", names);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix.isEmpty() ? "[]." : prefix.substring(0, prefix.length() - 1) + "[].", names);
            }
        }
    }
}
