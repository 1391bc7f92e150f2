package cn.perfledger.app.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.integrity.IntegrityStatus.Problem;
import cn.perfledger.domain.common.FiscalYearId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the directory read model; {@link #rebuild()} replays it from the first event. A row whose keyed MAC does
 * not verify ({@link DirectoryRows}) is not served: its values come from the department's or the year's events
 * instead ({@link DirectoryReplay}) and the view's {@code integrity} names the row. Every year carries the
 * integrity of the streams its figures replay from — verified when the year is in memory, else from the streams'
 * keyed heads and the last seal ({@link YearIntegrity}) —, every department that of its own stream.
 */
@Service
public class DirectoryQueries {

    /** A unit (单位) of a department. */
    public record UnitView(String code, String name, boolean headOffice, LocalDate addedOn) {
    }

    /**
     * A department-year as opened; {@code status} is OPEN or CLOSED; times are the event store's;
     * {@code integrityBasis} says how {@code integrity} was established ({@link YearIntegrity}: "verified" for a
     * year read and verified in memory, "heads" for one judged by its keyed heads and the last seal).
     */
    public record FiscalYearView(String fiscalYearId, String departmentId, int year, String departmentName,
            String rubricVersion, String status, String openedAt, String closedAt, IntegrityStatus integrity,
            String integrityBasis) {
    }

    /** A department with its units and fiscal years. */
    public record DepartmentView(String departmentId, String name, String jurisdiction, LocalDate registeredOn,
            List<UnitView> units, List<FiscalYearView> years, IntegrityStatus integrity) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final DirectoryRows rows;
    private final DirectoryReplay replay;
    private final YearIntegrity yearIntegrity;
    private final EventHistory history;

    public DirectoryQueries(JdbcTemplate jdbc, EventProcessingConfiguration processing, DirectoryRows rows,
            DirectoryReplay replay, YearIntegrity yearIntegrity, EventHistory history) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.rows = rows;
        this.replay = replay;
        this.yearIntegrity = yearIntegrity;
        this.history = history;
    }

    /** Every department ordered by id, with units in registration order and years ascending. */
    public List<DepartmentView> departments() {
        return load(null);
    }

    public Optional<DepartmentView> department(String departmentId) {
        return load(departmentId).stream().findFirst();
    }

    public Optional<FiscalYearView> fiscalYear(String fiscalYearId) {
        return jdbc.query("SELECT * FROM fiscal_year_directory WHERE fiscal_year_id = ?",
                (rs, i) -> year(rs), fiscalYearId).stream().findFirst();
    }

    static Problem altered(String table, String key) {
        return new Problem(table + ":" + key, null, BreakKind.READ_MODEL_ALTERED, "目录读模型 " + table + " 中 " + key
                + " 的行与其 MAC 不符（被改动，或写于启用读模型 MAC 之前）：未采用，改为由记录得出");
    }

    /**
     * Rebuilds the directory: stops the {@value DirectoryProjection#PROCESSING_GROUP} processor, resets its
     * token (the reset handler empties the tables) and starts it again; it then replays every event.
     */
    public void rebuild() {
        StreamingEventProcessor processor = processing
                .eventProcessor(DirectoryProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor 'directory'"));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private List<DepartmentView> load(String onlyDepartment) {
        String where = onlyDepartment == null ? "" : " WHERE department_id = ?";
        Object[] args = onlyDepartment == null ? new Object[0] : new Object[] {onlyDepartment};
        Map<String, List<UnitView>> units = new LinkedHashMap<>();
        Map<String, Boolean> unitsAltered = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM unit_directory" + where + " ORDER BY department_id, sort_order", rs -> {
            String department = rs.getString("department_id");
            if (!rows.unitVerifies(rs)) {
                unitsAltered.put(department, true);
            }
            units.computeIfAbsent(department, k -> new ArrayList<>()).add(new UnitView(
                    rs.getString("unit_code"), rs.getString("name"), rs.getBoolean("head_office"),
                    rs.getDate("added_on").toLocalDate()));
        }, args);
        Map<String, List<FiscalYearView>> years = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM fiscal_year_directory" + where + " ORDER BY department_id, fiscal_year", rs -> {
            years.computeIfAbsent(rs.getString("department_id"), k -> new ArrayList<>()).add(year(rs));
        }, args);
        List<DepartmentView> departments = new ArrayList<>();
        jdbc.query("SELECT * FROM department_directory" + where + " ORDER BY department_id", rs -> {
            String id = rs.getString("department_id");
            IntegrityStatus integrity = history.integrity(id);
            DepartmentView stored = new DepartmentView(id, rs.getString("name"), rs.getString("jurisdiction"),
                    rs.getDate("registered_on").toLocalDate(), units.getOrDefault(id, List.of()),
                    years.getOrDefault(id, List.of()), integrity);
            if (!rows.departmentVerifies(rs) || unitsAltered.containsKey(id)) {
                String table = unitsAltered.containsKey(id) ? DirectoryRows.UNIT : DirectoryRows.DEPARTMENT;
                stored = replay.department(stored, integrity.with(altered(table, id)));
            }
            departments.add(stored);
        }, args);
        return departments;
    }

    private FiscalYearView year(java.sql.ResultSet rs) throws java.sql.SQLException {
        String id = rs.getString("fiscal_year_id");
        YearIntegrity.Basis integrity = yearIntegrity.of(FiscalYearId.parse(id));
        FiscalYearView stored = new FiscalYearView(id, rs.getString("department_id"),
                rs.getInt("fiscal_year"), rs.getString("department_name"), rs.getString("rubric_version"),
                rs.getString("status"), rs.getString("opened_at"), rs.getString("closed_at"),
                integrity.integrity(), integrity.basis());
        if (!rows.fiscalYearVerifies(rs)) {
            return replay.fiscalYear(stored, stored.integrity().with(altered(DirectoryRows.YEAR, id)));
        }
        return stored;
    }
}
