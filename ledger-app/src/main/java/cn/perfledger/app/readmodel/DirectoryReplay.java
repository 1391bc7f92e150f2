package cn.perfledger.app.readmodel;

import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.app.readmodel.DirectoryQueries.UnitView;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import cn.perfledger.projections.basis.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * A directory entry from the events themselves (verified on read by {@link EventHistory}), for a read-model row
 * that did not verify: the same fields the {@code directory} processor would have written.
 */
@Component
public class DirectoryReplay {

    private final EventHistory history;

    public DirectoryReplay(EventHistory history) {
        this.history = history;
    }

    DepartmentView department(DepartmentView stored, IntegrityStatus integrity) {
        String name = null;
        String jurisdiction = null;
        java.time.LocalDate registeredOn = null;
        List<UnitView> units = new ArrayList<>();
        for (RecordedEvent event : history.stream(stored.departmentId())) {
            if (event.payload() instanceof DepartmentRegistered registered) {
                name = registered.name();
                jurisdiction = registered.jurisdiction();
                registeredOn = registered.effectiveDate();
                units.clear();
                for (Unit unit : registered.units()) {
                    units.add(unit(unit, registered.effectiveDate()));
                }
            } else if (event.payload() instanceof UnitAdded added) {
                units.add(unit(added.unit(), added.effectiveDate()));
            }
        }
        if (name == null) {
            return new DepartmentView(stored.departmentId(), stored.departmentId(), null, null, List.of(),
                    stored.years(), integrity);
        }
        return new DepartmentView(stored.departmentId(), name, jurisdiction, registeredOn, List.copyOf(units),
                stored.years(), integrity);
    }

    FiscalYearView fiscalYear(FiscalYearView stored, IntegrityStatus integrity) {
        FiscalYearView view = new FiscalYearView(stored.fiscalYearId(), stored.departmentId(), stored.year(),
                stored.departmentId(), null, "OPEN", null, null, integrity, stored.integrityBasis());
        for (RecordedEvent event : history.stream(stored.fiscalYearId())) {
            if (event.payload() instanceof FiscalYearOpened opened) {
                view = new FiscalYearView(stored.fiscalYearId(), opened.departmentId().code(), opened.year(),
                        opened.departmentName(), opened.rubricVersion().value(), "OPEN",
                        DateTimeUtils.formatInstant(event.recordedAt()), null, integrity, stored.integrityBasis());
            } else if (event.payload() instanceof FiscalYearClosed) {
                view = new FiscalYearView(view.fiscalYearId(), view.departmentId(), view.year(), view.departmentName(),
                        view.rubricVersion(), "CLOSED", view.openedAt(), DateTimeUtils.formatInstant(event.recordedAt()),
                        integrity, stored.integrityBasis());
            }
        }
        return view;
    }

    private static UnitView unit(Unit unit, java.time.LocalDate addedOn) {
        return new UnitView(unit.code().value(), unit.name(), unit.headOffice(), addedOn);
    }
}
