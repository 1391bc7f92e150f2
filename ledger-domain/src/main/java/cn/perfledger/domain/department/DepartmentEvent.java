package cn.perfledger.domain.department;

import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.UnitCode;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happens to a department's register: registration and its units (单位). */
public sealed interface DepartmentEvent extends LedgerEvent {

    DepartmentId departmentId();

    /** A unit of the department; {@code headOffice} marks the 本级 unit. */
    record Unit(UnitCode code, String name, boolean headOffice) {
    }

    /** {@code jurisdiction} is the government level the department belongs to, e.g. 广州市 or 广州市海珠区. */
    @Revision("1")
    record DepartmentRegistered(DepartmentId departmentId, String name, String jurisdiction, List<Unit> units,
            LocalDate effectiveDate) implements DepartmentEvent {
    }

    @Revision("1")
    record UnitAdded(DepartmentId departmentId, Unit unit, LocalDate effectiveDate) implements DepartmentEvent {
    }
}
