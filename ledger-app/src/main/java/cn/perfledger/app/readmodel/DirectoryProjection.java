package cn.perfledger.app.readmodel;

import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import java.sql.Date;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory tables ({@code department_directory}, {@code unit_directory}, {@code fiscal_year_directory})
 * from the event stream. Runs in the tracking processor {@value #PROCESSING_GROUP}, in the processor's
 * transaction together with its token, so the tables and the token advance together.
 *
 * <p>Every row written gets a keyed MAC ({@link DirectoryRows}); {@link DirectoryQueries} serves only rows that
 * verify. Idempotent: each row carries the aggregate sequence number of the last event applied to it; an event at or
 * below it is ignored. Resettable: {@link #reset()} empties the tables before a replay from the first event
 * ({@link DirectoryQueries#rebuild()}).
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory";

    private final JdbcTemplate jdbc;
    private final DirectoryRows rows;

    public DirectoryProjection(JdbcTemplate jdbc, DirectoryRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(DepartmentRegistered event, @SequenceNumber long sequence) {
        String id = event.departmentId().code();
        if (lastSequence("department_directory", "department_id", id) != null) {
            return;
        }
        jdbc.update("INSERT INTO department_directory (department_id, name, jurisdiction, registered_on, last_sequence)"
                + " VALUES (?, ?, ?, ?, ?)", id, event.name(), event.jurisdiction(), Date.valueOf(event.effectiveDate()),
                sequence);
        int order = 0;
        for (Unit unit : event.units()) {
            insertUnit(id, unit, order++, event.effectiveDate());
        }
        rows.sealDepartment(id);
    }

    @EventHandler
    void on(UnitAdded event, @SequenceNumber long sequence) {
        String id = event.departmentId().code();
        Long last = lastSequence("department_directory", "department_id", id);
        if (last == null || sequence <= last) {
            return;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM unit_directory WHERE department_id = ?",
                Integer.class, id);
        insertUnit(id, event.unit(), count == null ? 0 : count, event.effectiveDate());
        jdbc.update("UPDATE department_directory SET last_sequence = ? WHERE department_id = ?", sequence, id);
        rows.sealDepartment(id);
    }

    @EventHandler
    void on(FiscalYearOpened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.fiscalYearId().toString();
        if (lastSequence("fiscal_year_directory", "fiscal_year_id", id) != null) {
            return;
        }
        jdbc.update("INSERT INTO fiscal_year_directory (fiscal_year_id, department_id, fiscal_year, department_name,"
                + " rubric_version, status, opened_at, closed_at, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                id, event.departmentId().code(), event.year(), event.departmentName(),
                event.rubricVersion().value(), "OPEN", DateTimeUtils.formatInstant(recordedAt), sequence);
        rows.sealFiscalYear(id);
    }

    @EventHandler
    void on(FiscalYearClosed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.fiscalYearId().toString();
        jdbc.update("UPDATE fiscal_year_directory SET status = 'CLOSED', closed_at = ?, last_sequence = ?"
                + " WHERE fiscal_year_id = ? AND last_sequence < ?", DateTimeUtils.formatInstant(recordedAt), sequence, id,
                sequence);
        rows.sealFiscalYear(id);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM unit_directory");
        jdbc.update("DELETE FROM department_directory");
        jdbc.update("DELETE FROM fiscal_year_directory");
    }

    private void insertUnit(String departmentId, Unit unit, int order, java.time.LocalDate addedOn) {
        jdbc.update("INSERT INTO unit_directory (department_id, unit_code, name, head_office, sort_order, added_on)"
                + " VALUES (?, ?, ?, ?, ?, ?)", departmentId, unit.code().value(), unit.name(), unit.headOffice(), order,
                Date.valueOf(addedOn));
    }

    private Long lastSequence(String table, String keyColumn, String key) {
        return jdbc.query("SELECT last_sequence FROM " + table + " WHERE " + keyColumn + " = ?",
                rs -> rs.next() ? rs.getLong(1) : null, key);
    }
}
