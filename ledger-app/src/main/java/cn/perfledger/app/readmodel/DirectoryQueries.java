package cn.perfledger.app.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the directory read model; {@link #rebuild()} replays it from the first event. */
@Service
public class DirectoryQueries {

    /** A unit (单位) of a department. */
    public record UnitView(String code, String name, boolean headOffice, LocalDate addedOn) {
    }

    /** A department-year as opened; {@code status} is OPEN or CLOSED; times are the event store's. */
    public record FiscalYearView(String fiscalYearId, String departmentId, int year, String departmentName,
            String rubricVersion, String status, String openedAt, String closedAt) {
    }

    /** A department with its units and fiscal years. */
    public record DepartmentView(String departmentId, String name, String jurisdiction, LocalDate registeredOn,
            List<UnitView> units, List<FiscalYearView> years) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public DirectoryQueries(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
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
        jdbc.query("SELECT * FROM unit_directory" + where + " ORDER BY department_id, sort_order", rs -> {
            units.computeIfAbsent(rs.getString("department_id"), k -> new ArrayList<>()).add(new UnitView(
                    rs.getString("unit_code"), rs.getString("name"), rs.getBoolean("head_office"),
                    rs.getDate("added_on").toLocalDate()));
        }, args);
        Map<String, List<FiscalYearView>> years = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM fiscal_year_directory" + where + " ORDER BY department_id, fiscal_year", rs -> {
            years.computeIfAbsent(rs.getString("department_id"), k -> new ArrayList<>()).add(year(rs));
        }, args);
        return jdbc.query("SELECT * FROM department_directory" + where + " ORDER BY department_id",
                (rs, i) -> {
                    String id = rs.getString("department_id");
                    return new DepartmentView(id, rs.getString("name"), rs.getString("jurisdiction"),
                            rs.getDate("registered_on").toLocalDate(), units.getOrDefault(id, List.of()),
                            years.getOrDefault(id, List.of()));
                }, args);
    }

    private static FiscalYearView year(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FiscalYearView(rs.getString("fiscal_year_id"), rs.getString("department_id"),
                rs.getInt("fiscal_year"), rs.getString("department_name"), rs.getString("rubric_version"),
                rs.getString("status"), rs.getString("opened_at"), rs.getString("closed_at"));
    }
}
