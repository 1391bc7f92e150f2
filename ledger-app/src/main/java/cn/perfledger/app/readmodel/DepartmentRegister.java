package cn.perfledger.app.readmodel;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * Reads a department's register (name and units) straight from its event stream, so that opening a year sees
 * every unit registered so far, without waiting for a read model. A department stream is a handful of events.
 */
@Service
public class DepartmentRegister {

    /** A department's name and units as registered. */
    public record Register(DepartmentId departmentId, String name, String jurisdiction, List<Unit> units) {
    }

    private final EventStore eventStore;

    public DepartmentRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** True when {@code departmentId} was registered (its stream exists). */
    public boolean isRegistered(DepartmentId departmentId) {
        return eventStore.readEvents(departmentId.code()).hasNext();
    }

    /** The register of {@code departmentId}; {@link NotFoundException} when it was never registered. */
    public Register get(DepartmentId departmentId) {
        DomainEventStream stream = eventStore.readEvents(departmentId.code());
        String name = null;
        String jurisdiction = null;
        List<Unit> units = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof DepartmentRegistered registered) {
                name = registered.name();
                jurisdiction = registered.jurisdiction();
                units.clear();
                units.addAll(registered.units());
            } else if (payload instanceof UnitAdded added) {
                units.add(added.unit());
            }
        }
        if (name == null) {
            throw new NotFoundException("departmentId", "部门未登记: " + departmentId);
        }
        return new Register(departmentId, name, jurisdiction, List.copyOf(units));
    }
}
