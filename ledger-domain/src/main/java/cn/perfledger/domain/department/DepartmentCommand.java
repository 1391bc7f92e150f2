package cn.perfledger.domain.department;

import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What an administrator asks of a department's register. */
public sealed interface DepartmentCommand {

    DepartmentId departmentId();

    /** Registers a department with at least its 本级 unit (exactly one unit is the head office). */
    record RegisterDepartment(@TargetAggregateIdentifier DepartmentId departmentId, String name,
            String jurisdiction, List<Unit> units, LocalDate effectiveDate) implements DepartmentCommand {
    }

    record AddUnit(@TargetAggregateIdentifier DepartmentId departmentId, Unit unit, LocalDate effectiveDate)
            implements DepartmentCommand {
    }
}
