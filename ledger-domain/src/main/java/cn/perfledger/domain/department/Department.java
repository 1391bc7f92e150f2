package cn.perfledger.domain.department;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.department.DepartmentCommand.AddUnit;
import cn.perfledger.domain.department.DepartmentCommand.RegisterDepartment;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The register of a department (部门) and its units (单位), identified by its {@link DepartmentId}.
 *
 * <p>Life cycle: {@link RegisterDepartment} creates it with its name, jurisdiction and at least one unit, of
 * which exactly one is the head office (本级). Afterwards {@link AddUnit} adds subordinate units; a unit code
 * is never reused and there is never a second head office. Units are not removed: past years refer to
 * them. Budget ledgers copy the units they need when a fiscal year is opened.
 */
public class Department {

    private static final int NAME_MAX = 200;
    private static final int JURISDICTION_MAX = 100;

    @AggregateIdentifier
    private String departmentId;
    private Set<String> unitCodes = new HashSet<>();
    private String headOfficeUnit;

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public Department() {
    }

    @CommandHandler
    public Department(RegisterDepartment command) {
        DepartmentId id = require("departmentId", command.departmentId(), "部门编码不能为空");
        String name = Ids.requireText("name", command.name(), NAME_MAX);
        String jurisdiction = Ids.requireText("jurisdiction", command.jurisdiction(), JURISDICTION_MAX);
        List<Unit> units = command.units();
        if (units == null || units.isEmpty()) {
            throw new DomainException("units", "至少需要一个单位（本级）");
        }
        Set<String> codes = new HashSet<>();
        List<Unit> valid = new ArrayList<>(units.size());
        int headOffices = 0;
        for (int i = 0; i < units.size(); i++) {
            String field = "units[" + i + "]";
            Unit unit = validUnit(field, units.get(i));
            if (!codes.add(unit.code().value())) {
                throw new DomainException(field + ".code", "单位编码重复: " + unit.code());
            }
            if (unit.headOffice()) {
                headOffices++;
            }
            valid.add(unit);
        }
        if (headOffices != 1) {
            throw new DomainException("units", "必须恰好有一个本级单位（headOffice），当前有 " + headOffices + " 个");
        }
        LocalDate effectiveDate = require("effectiveDate", command.effectiveDate(), "业务日期不能为空");
        apply(new DepartmentRegistered(id, name, jurisdiction, List.copyOf(valid), effectiveDate));
    }

    @CommandHandler
    public void handle(AddUnit command) {
        Unit unit = validUnit("unit", command.unit());
        if (unitCodes.contains(unit.code().value())) {
            throw new ConflictException("unit.code", "单位编码已存在: " + unit.code());
        }
        if (unit.headOffice()) {
            throw new DomainException("unit.headOffice", "部门已有本级单位 " + headOfficeUnit + "，不能再添加本级单位");
        }
        LocalDate effectiveDate = require("effectiveDate", command.effectiveDate(), "业务日期不能为空");
        apply(new UnitAdded(command.departmentId(), unit, effectiveDate));
    }

    @EventSourcingHandler
    private void on(DepartmentRegistered event) {
        departmentId = event.departmentId().code();
        for (Unit unit : event.units()) {
            unitCodes.add(unit.code().value());
            if (unit.headOffice()) {
                headOfficeUnit = unit.code().value();
            }
        }
    }

    @EventSourcingHandler
    private void on(UnitAdded event) {
        unitCodes.add(event.unit().code().value());
    }

    /** Checks a unit and returns it with its name stripped. */
    private static Unit validUnit(String field, Unit unit) {
        require(field, unit, "单位不能为空");
        require(field + ".code", unit.code(), "单位编码不能为空");
        String name = Ids.requireText(field + ".name", unit.name(), NAME_MAX);
        return new Unit(unit.code(), name, unit.headOffice());
    }

    private static <T> T require(String field, T value, String rule) {
        if (value == null) {
            throw new DomainException(field, rule);
        }
        return value;
    }
}
