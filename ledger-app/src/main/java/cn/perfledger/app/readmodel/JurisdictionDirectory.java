package cn.perfledger.app.readmodel;

import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The departments of a jurisdiction (管辖区域) from the directory read model, without the years' integrity that
 * {@link DirectoryQueries} computes: a comparison across a city's years must not read each year to find them. A
 * department row whose MAC does not verify is taken from the department's events instead (its jurisdiction may
 * be the edited column), and is named as altered.
 */
@Component
public class JurisdictionDirectory {

    /** A department of the jurisdiction; {@code integrity} is INTACT unless its directory row was altered. */
    public record Member(String departmentId, String name, String jurisdiction, IntegrityStatus integrity) {
    }

    /** Administrative suffixes after which a longer name is a subordinate jurisdiction (广州市 → 广州市海珠区). */
    private static final String LEVEL_SUFFIXES = "省市区县州盟旗镇乡";

    private final JdbcTemplate jdbc;
    private final DirectoryRows rows;
    private final DirectoryReplay replay;

    public JurisdictionDirectory(JdbcTemplate jdbc, DirectoryRows rows, DirectoryReplay replay) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.replay = replay;
    }

    /**
     * Departments whose jurisdiction equals {@code jurisdiction} exactly, or, with {@code includeSubordinate},
     * also those whose jurisdiction begins with it — only when it ends with an administrative level (市, 区, 县…),
     * so 广州市 takes in 广州市海珠区 but 广州 matches nothing below it. Ordered by department id.
     */
    public List<Member> members(String jurisdiction, boolean includeSubordinate) {
        List<Member> found = new ArrayList<>();
        jdbc.query("SELECT * FROM department_directory ORDER BY department_id", rs -> {
            String id = rs.getString("department_id");
            Member member = new Member(id, rs.getString("name"), rs.getString("jurisdiction"),
                    IntegrityStatus.INTACT);
            if (!rows.departmentVerifies(rs)) {
                DepartmentView stored = new DepartmentView(id, member.name(), member.jurisdiction(),
                        rs.getDate("registered_on").toLocalDate(), List.of(), List.of(), IntegrityStatus.INTACT);
                DepartmentView replayed = replay.department(stored, IntegrityStatus.INTACT.with(
                        DirectoryQueries.altered(DirectoryRows.DEPARTMENT, id)));
                member = new Member(id, replayed.name(), replayed.jurisdiction(), replayed.integrity());
            }
            if (belongs(member.jurisdiction(), jurisdiction, includeSubordinate)) {
                found.add(member);
            }
        });
        return found;
    }

    /** The departments that opened {@code year} in the directory (whatever the year-figures processor has done). */
    public Set<String> departmentsWithYear(int year) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT department_id FROM fiscal_year_directory WHERE fiscal_year = ?", String.class, year));
    }

    static boolean belongs(String departmentJurisdiction, String asked, boolean includeSubordinate) {
        if (departmentJurisdiction == null) {
            return false;
        }
        if (departmentJurisdiction.equals(asked)) {
            return true;
        }
        return includeSubordinate && !asked.isEmpty()
                && LEVEL_SUFFIXES.indexOf(asked.charAt(asked.length() - 1)) >= 0
                && departmentJurisdiction.startsWith(asked);
    }
}
