package cn.perfledger.app.rubric;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricEvent.RubricRetired;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.projections.basis.RecordedEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The state of each rubric version, read from its own event stream (not from a lagging read model), and the
 * policy {@link #requireUsable} that decides whether a department-year may open, start its evaluation or be
 * re-scored under a version. The aggregates cannot check this themselves: a budget ledger or an evaluation never
 * sees another aggregate's events.
 *
 * <p>Race between a use and a retirement: within one instance, {@link #whileUsable} (a use) and
 * {@link #exclusively} (a retirement) hold a read and a write lock of the version, so a retirement either comes
 * before the check (and the use is refused) or after the use's events are stored. Across several instances on one
 * database a window of one command's duration remains; a version's scope never changes, so only retirement races.
 */
@Service
public class RubricDirectory {

    /** Dates of publication and retirement are the ledger's (Beijing) calendar days. */
    static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int LOCK_STRIPES = 64;

    /** A version as its stream says: its scope, the day it applies from and its retirement, if any. */
    public record Version(RubricVersionId id, String name, RubricScope scope, LocalDate effectiveFrom,
            RubricRetired retirement, String jurisdiction, int templateYear) {

        /** Retired for new uses once the retirement's effective date has come. */
        public boolean retiredOn(LocalDate day) {
            return retirement != null && !retirement.effectiveDate().isAfter(day);
        }
    }

    private final EventHistory history;
    private final EventLogQuery eventLog;
    private final Clock clock;
    private final ReadWriteLock[] locks = new ReadWriteLock[LOCK_STRIPES];

    public RubricDirectory(EventHistory history, EventLogQuery eventLog, Clock clock) {
        this.history = history;
        this.eventLog = eventLog;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    /** The version, or empty when nothing was ever published under that id. */
    public Optional<Version> find(RubricVersionId id) {
        // an unknown id must not leave a cached empty stream behind (ids come from requests)
        if (eventLog.streamLength(id.value()) == 0) {
            return Optional.empty();
        }
        RubricPublished published = null;
        RubricRetired retired = null;
        for (RecordedEvent event : history.rubric(id)) {
            if (event.payload() instanceof RubricPublished p) {
                published = p;
            } else if (event.payload() instanceof RubricRetired r) {
                retired = r;
            }
        }
        return published == null ? Optional.empty()
                : Optional.of(new Version(id, published.name(), published.scope(), published.effectiveDate(), retired,
                        published.jurisdiction(), published.templateYear()));
    }

    /** What a year does with a version. */
    public enum Use {
        OPEN_YEAR("开立年度"),
        START_EVALUATION("开始自评"),
        /** A what-if: the year's inputs under another version, e.g. a later year's; it records nothing. */
        RESCORE("重新评分");

        private final String label;

        Use(String label) {
            this.label = label;
        }
    }

    /**
     * The rubric-use policy: {@code year} may use version {@code id} only when it is published, is not retired as
     * of today and its scope includes the year's department; to open a year or start its evaluation the version
     * must also apply to the year (effective no later than the year's last day). Refusals name {@code field}:
     * {@link NotFoundException} for an unknown version, {@link DomainException} for the others.
     */
    public Version requireUsable(String field, RubricVersionId id, FiscalYearId year, Use use) {
        Version version = find(id).orElseThrow(() -> new NotFoundException(field,
                "评价体系版本未发布（不存在或尚未发布）: " + id + "；请先发布该版本，或选用已发布的版本"));
        if (use != Use.RESCORE && version.effectiveFrom().isAfter(year.year().lastDay())) {
            throw new DomainException(field, "评价体系版本 " + id + " 自 " + version.effectiveFrom() + " 起生效，晚于 "
                    + year.year().year() + " 年度，不能用于" + use.label);
        }
        LocalDate today = LocalDate.now(clock.withZone(LEDGER_ZONE));
        if (version.retiredOn(today)) {
            throw new DomainException(field, "评价体系版本 " + id + " 已于 " + version.retirement().effectiveDate()
                    + " 停用（" + version.retirement().reason() + "），不能再用于" + use.label);
        }
        if (!version.scope().includes(year.department())) {
            throw new DomainException(field, "评价体系版本 " + id + " 只适用于 " + version.scope().label() + "，部门 "
                    + year.department() + " 不在其适用范围内，不能用于" + use.label);
        }
        return version;
    }

    /** Runs {@code command} (naming the version) after {@link #requireUsable}, holding the version's read lock. */
    public <R> R whileUsable(String field, RubricVersionId id, FiscalYearId year, Use use, Supplier<R> command) {
        Lock lock = lock(id).readLock();
        lock.lock();
        try {
            requireUsable(field, id, year, use);
            return command.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code change} (a retirement) holding the version's write lock: no use is checked meanwhile. */
    public <R> R exclusively(RubricVersionId id, Supplier<R> change) {
        Lock lock = lock(id).writeLock();
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    private ReadWriteLock lock(RubricVersionId id) {
        return locks[Math.floorMod(id.value().hashCode(), LOCK_STRIPES)];
    }
}
