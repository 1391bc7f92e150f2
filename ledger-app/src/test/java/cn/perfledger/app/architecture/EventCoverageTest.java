package cn.perfledger.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.EventSamples;
import cn.perfledger.app.readmodel.DirectoryProjection;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.projections.audit.AuditEvent;
import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.reconciliation.DeclaredFigureFold;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new event type must reach everything that reads events by type. Exhaustive over the permitted subclasses of the
 * four sealed event interfaces ({@link EventSamples#eventTypes()}), and so failing as soon as a type is added:
 * <ul>
 *   <li>the folds: every type is named by a fold of the projections or the directory read model, or listed below
 *       with the reason no figure depends on it (the folds dispatch with {@code instanceof} ladders, which would skip
 *       an unknown type silently);</li>
 *   <li>the labels: every type has a Chinese name in {@link EventTypeLabels} (pages) and in {@link AuditEvent}
 *       (the auditors' event rows of lineage and why-lists, exported by the API and the CLI);</li>
 *   <li>the exported event rows: every type gives {@link AuditEvent} its voucher or 文号, amount or subject (the
 *       columns of the API's, the CLI's and the download's event rows), or is listed below as year-wide;</li>
 *   <li>the one event supertype: every class implementing {@link LedgerEvent} is one of those types.</li>
 * </ul>
 */
class EventCoverageTest {

    /** The folds: each turns the event types it names into figures or read-model rows. */
    private static final List<Class<?>> FOLDS = List.of(LedgerFold.class, EvaluationFold.class,
            DeclaredFigureFold.class, SelfEvaluationFold.class, DirectoryProjection.class);

    /** Event types no fold needs, each with the reason. Keep this list short. */
    private static final Map<String, String> NOT_FOLDED = Map.of(
            "LedgerFileImported", "records which file brought the rows; the rows' own events carry every figure",
            "EvaluationTableImported", "records which 自评表 brought the rows; the rows' own events carry every entry",
            "RubricRetired", "a retired version still scores the years that name it; retiring changes no figure");

    /** Event types about the whole year, so their exported rows name no voucher, amount or subject. */
    private static final Map<String, String> YEAR_WIDE = Map.of(
            "FiscalYearOpened", "opens the year: the row's stream is the year",
            "FiscalYearClosed", "closes the year: its carry-outs are per line, the row is about the year",
            "EvaluationStarted", "starts the year's evaluation: the row's stream is the evaluation");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.perfledger");
    }

    @Test
    void everyEventType_isFolded_orListedWithTheReasonNoFigureDependsOnIt() {
        Set<String> named = new HashSet<>();
        for (Class<?> fold : FOLDS) {
            for (JavaClass javaClass : classes) {
                if (javaClass.getName().equals(fold.getName()) || javaClass.getName().startsWith(fold.getName() + "$")) {
                    for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                        named.add(dependency.getTargetClass().getName());
                    }
                }
            }
        }
        List<String> unhandled = new ArrayList<>();
        for (Class<?> type : EventSamples.eventTypes()) {
            boolean folded = named.contains(type.getName());
            boolean listed = NOT_FOLDED.containsKey(type.getSimpleName());
            if (folded == listed) {
                unhandled.add(type.getSimpleName() + (folded ? " is folded: remove it from NOT_FOLDED"
                        : " is named by no fold (" + FOLDS.stream().map(Class::getSimpleName)
                                .collect(Collectors.joining(", ")) + ") nor listed in NOT_FOLDED with a reason"));
            }
        }
        assertThat(unhandled).isEmpty();
    }

    @Test
    void everyEventType_hasAChineseName_onThePages_andInTheAuditorsEventRows() {
        Map<Class<?>, LedgerEvent> samples = EventSamples.byType();
        List<String> unnamed = new ArrayList<>();
        long sequence = 0;
        for (Class<?> type : EventSamples.eventTypes()) {
            String name = type.getSimpleName();
            if (!isChinese(EventTypeLabels.label(name))) {
                unnamed.add(name + " has no name in EventTypeLabels");
            }
            LedgerEvent sample = samples.get(type);
            AuditEvent row = AuditEvent.of(new RecordedEvent(++sequence, "aggregate", sequence, "event-" + sequence,
                    Instant.EPOCH, sample.effectiveDate(), sample, Map.of()));
            if (!row.type().equals(name) || !isChinese(row.typeLabel())) {
                unnamed.add(name + " has no name in AuditEvent (" + row.typeLabel() + ")");
            }
        }
        assertThat(unnamed).isEmpty();
    }

    @Test
    void everyEventType_givesTheExportedEventRowItsReferenceAmountOrSubject_orIsListedAsYearWide() {
        Map<Class<?>, LedgerEvent> samples = EventSamples.byType();
        List<String> empty = new ArrayList<>();
        for (Class<?> type : EventSamples.eventTypes()) {
            LedgerEvent sample = samples.get(type);
            AuditEvent row = AuditEvent.of(new RecordedEvent(1, "aggregate", 1, "event-1", Instant.EPOCH,
                    sample.effectiveDate(), sample, Map.of()));
            boolean carries = row.reference() != null || row.amount() != null || row.subject() != null;
            if (carries == YEAR_WIDE.containsKey(type.getSimpleName())) {
                empty.add(type.getSimpleName() + (carries ? " carries a subject: remove it from YEAR_WIDE"
                        : " gives AuditEvent.of no reference, amount or subject, nor is it listed in YEAR_WIDE"));
            }
        }
        assertThat(empty).isEmpty();
    }

    @Test
    void everyLedgerEvent_isAPermittedEventOfOneOfTheFourAggregates() {
        Set<String> types = EventSamples.eventTypes().stream().map(Class::getName).collect(Collectors.toSet());
        List<String> strays = classes.stream()
                .filter(c -> c.isAssignableTo(LedgerEvent.class) && !c.isInterface())
                .map(JavaClass::getName).filter(name -> !types.contains(name)).toList();
        assertThat(strays).as("events outside EventSamples.EVENT_INTERFACES").isEmpty();
    }

    private static boolean isChinese(String label) {
        return label != null && label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);
    }
}
