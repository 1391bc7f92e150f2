package cn.perfledger.app.demo;

import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.department.DepartmentCommand;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import java.time.Clock;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads the seed years ({@link DemoScenario#RESOURCES}) and the rubric versions ({@code rubrics/*.json}) as
 * commands, through the same {@link CommandDispatcher} a user's request takes, so every rule of the ledger
 * applies to them. Generated vouchers and every element the seed does not print carry {@code synthetic=true}
 * in their events' metadata.
 *
 * <p>Idempotent per department-year: a year whose ledger already has events is left alone, so a restart
 * (or a second explicit load) writes nothing.
 */
@Service
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UserStore users;
    private final CommandDispatcher dispatcher;
    private final EventLogQuery eventLog;
    private final YearQueries queries;
    private final Clock clock;
    private final RubricDirectory rubrics;
    private final ObjectMapper json = LedgerJson.newObjectMapper();
    private final DemoRubricFiles rubricFiles = new DemoRubricFiles(json);

    public DemoDataLoader(CommandDispatcher dispatcher, EventLogQuery eventLog, YearQueries queries, Clock clock,
            UserStore users, RubricDirectory rubrics) {
        this.users = users;
        this.rubrics = rubrics;
        this.dispatcher = dispatcher;
        this.eventLog = eventLog;
        this.queries = queries;
        this.clock = clock;
    }

    /** What a load did. */
    public record LoadReport(List<String> rubricsPublished, List<String> yearsLoaded, List<String> yearsSkipped) {
    }

    /** Creates the missing demo users, publishes the rubric files not yet published, loads the missing years. */
    public LoadReport loadAll() {
        DemoUsers.ensure(users);
        List<String> rubrics = publishRubrics();
        List<String> loaded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String resource : DemoScenario.RESOURCES) {
            DemoScenario scenario = read(resource);
            if (eventLog.exists(scenario.fiscalYearId())) {
                skipped.add(scenario.fiscalYearId().toString());
                continue;
            }
            load(scenario);
            loaded.add(scenario.fiscalYearId().toString());
        }
        log.info("Demo data: rubrics published {}, years loaded {}, already present {}", rubrics, loaded, skipped);
        return new LoadReport(rubrics, loaded, skipped);
    }

    public DemoScenario read(String resource) {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the classpath: " + resource);
            }
            return json.readValue(in, DemoScenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource, e);
        }
    }

    /** Publishes the rubric files not published yet (each with the scope the file names); idempotent. */
    public List<String> publishRubrics() {
        List<String> published = new ArrayList<>();
        for (PublishRubric command : rubricFiles.all()) {
            if (eventLog.streamLength(command.rubricVersionId().toString()) > 0) {
                continue;
            }
            dispatcher.send(command, DemoSender.origin("rubric-" + command.rubricVersionId(), false));
            published.add(command.rubricVersionId().toString());
        }
        return published;
    }

    /** Replays one seed year as commands: department, budget ledger, then its evaluation. */
    public void load(DemoScenario s) {
        DemoSender out = new DemoSender(dispatcher, "demo-" + s.fiscalYearId());
        registerDepartment(s, out);
        requireUsableRubric(s, RubricDirectory.Use.OPEN_YEAR);
        new DemoLedgerYear(s, out).load();
        if (s.evaluation() != null) {
            requireUsableRubric(s, RubricDirectory.Use.START_EVALUATION);
            new DemoEvaluationYear(s, out, rubricFiles.judgementLeaves(s.rubricVersion())).load(queries, clock);
        }
    }

    private void registerDepartment(DemoScenario s, DemoSender out) {
        DemoScenario.DepartmentSpec spec = s.department();
        DepartmentId id = new DepartmentId(spec.code());
        List<Unit> units = spec.units().stream()
                .map(u -> new Unit(new UnitCode(u.code()), u.name(), u.headOffice())).toList();
        if (eventLog.streamLength(id.toString()) == 0) {
            out.send(new DepartmentCommand.RegisterDepartment(id, spec.name(), spec.jurisdiction(), units,
                    spec.registeredOn()), false);
            return;
        }
        // a later year of a registered department: add the units the register does not have yet
        for (Unit unit : units) {
            try {
                out.send(new DepartmentCommand.AddUnit(id, unit, LocalDate.of(s.fiscalYear(), 1, 1)), false);
            } catch (ConflictException alreadyRegistered) {
                log.debug("unit {} of {} already registered", unit.code(), id);
            } catch (DomainException alreadyRegistered) {
                log.debug("unit {} of {} not added: {}", unit.code(), id, alreadyRegistered.getMessage());
            }
        }
    }

    /** The rubric file ({@code rubrics/*.json}) of a version, as the command that publishes it. */
    public Optional<PublishRubric> rubricFile(String rubricVersion) {
        return rubricFiles.find(rubricVersion);
    }

    /**
     * The rubric-use policy the API applies, for the seeds too. Seed 001 (海珠 2020, a 部门决算) prints no scored
     * table: its year names {@code haizhu-2020@1}, a version with no nodes that cannot be published, and is the
     * one year the loader opens without a published version (its figures need none; it is never scored).
     */
    private void requireUsableRubric(DemoScenario s, RubricDirectory.Use use) {
        if (rubricFiles.find(s.rubricVersion()).isEmpty()) {
            log.info("Demo data: {} names {}, which its seed does not print; the year is not scored", s.fiscalYearId(),
                    s.rubricVersion());
            return;
        }
        rubrics.requireUsable("rubricVersion", new RubricVersionId(s.rubricVersion()), s.fiscalYearId(), use);
    }
}
