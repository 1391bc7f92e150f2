package cn.perfledger.app.readmodel;

import cn.perfledger.app.integrity.ReadModelSeal;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keyed MACs of the directory tables' rows ({@link ReadModelSeal}), over the columns in the order below, read
 * back from the row itself so the writer and the reader hash the same values.
 */
@Component
public class DirectoryRows {

    static final String DEPARTMENT = "department_directory";
    static final String UNIT = "unit_directory";
    static final String YEAR = "fiscal_year_directory";

    private final JdbcTemplate jdbc;
    private final ReadModelSeal seal;

    public DirectoryRows(JdbcTemplate jdbc, ReadModelSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** Seals the department's row and all its unit rows. */
    void sealDepartment(String departmentId) {
        jdbc.query("SELECT * FROM department_directory WHERE department_id = ?", rs -> {
            jdbc.update("UPDATE department_directory SET row_mac = ? WHERE department_id = ?",
                    seal.seal(DEPARTMENT, department(rs)), departmentId);
        }, departmentId);
        jdbc.query("SELECT * FROM unit_directory WHERE department_id = ?", rs -> {
            jdbc.update("UPDATE unit_directory SET row_mac = ? WHERE department_id = ? AND unit_code = ?",
                    seal.seal(UNIT, unit(rs)), departmentId, rs.getString("unit_code"));
        }, departmentId);
    }

    void sealFiscalYear(String fiscalYearId) {
        jdbc.query("SELECT * FROM fiscal_year_directory WHERE fiscal_year_id = ?", rs -> {
            jdbc.update("UPDATE fiscal_year_directory SET row_mac = ? WHERE fiscal_year_id = ?",
                    seal.seal(YEAR, fiscalYear(rs)), fiscalYearId);
        }, fiscalYearId);
    }

    boolean departmentVerifies(ResultSet rs) throws SQLException {
        return seal.verifies(rs.getString("row_mac"), DEPARTMENT, department(rs));
    }

    boolean unitVerifies(ResultSet rs) throws SQLException {
        return seal.verifies(rs.getString("row_mac"), UNIT, unit(rs));
    }

    boolean fiscalYearVerifies(ResultSet rs) throws SQLException {
        return seal.verifies(rs.getString("row_mac"), YEAR, fiscalYear(rs));
    }

    private static Object[] department(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("department_id"), rs.getString("name"), rs.getString("jurisdiction"),
            rs.getDate("registered_on").toLocalDate(), rs.getLong("last_sequence")};
    }

    private static Object[] unit(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("department_id"), rs.getString("unit_code"), rs.getString("name"),
            rs.getBoolean("head_office"), rs.getInt("sort_order"), rs.getDate("added_on").toLocalDate()};
    }

    private static Object[] fiscalYear(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("fiscal_year_id"), rs.getString("department_id"), rs.getInt("fiscal_year"),
            rs.getString("department_name"), rs.getString("rubric_version"), rs.getString("status"),
            rs.getString("opened_at"), rs.getString("closed_at"), rs.getLong("last_sequence")};
    }
}
