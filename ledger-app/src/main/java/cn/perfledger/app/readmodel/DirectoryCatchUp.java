package cn.perfledger.app.readmodel;

import cn.perfledger.app.command.ReadAfterWrite;
import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.department.DepartmentCommand.AddUnit;
import cn.perfledger.domain.department.DepartmentCommand.RegisterDepartment;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The directory (a tracking processor) answers the year bar's 已结账 / 进行中 and the department list: after a
 * department is registered, a unit added or a year opened or closed, the sender's next page must show it. So the
 * command returns only once the directory row shows what it wrote (whichever instance's processor writes it), waiting
 * at most {@link #MAX_WAIT}; a slower directory is logged and the page shows it as it is. The row is asked, not the
 * processor's token: a token keeps the gaps of refused (rolled back) writes for a while, and so may not "cover" the
 * store's head long after the row is there.
 */
@Component
class DirectoryCatchUp implements ReadAfterWrite {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DirectoryCatchUp.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    DirectoryCatchUp(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public void caughtUpWith(Object command) {
        String sql;
        Object[] args;
        if (command instanceof RegisterDepartment register) {
            sql = "SELECT COUNT(*) FROM department_directory WHERE department_id = ?";
            args = new Object[] {register.departmentId().code()};
        } else if (command instanceof AddUnit add) {
            sql = "SELECT COUNT(*) FROM unit_directory WHERE department_id = ? AND unit_code = ?";
            args = new Object[] {add.departmentId().code(), add.unit().code().value()};
        } else if (command instanceof OpenFiscalYear open) {
            sql = "SELECT COUNT(*) FROM fiscal_year_directory WHERE fiscal_year_id = ?";
            args = new Object[] {open.fiscalYearId().toString()};
        } else if (command instanceof CloseFiscalYear close) {
            sql = "SELECT COUNT(*) FROM fiscal_year_directory WHERE fiscal_year_id = ? AND status = 'CLOSED'";
            args = new Object[] {close.fiscalYearId().toString()};
        } else {
            return;
        }
        boolean running = processing.eventProcessor(DirectoryProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isRunning).orElse(false);
        if (!running) {
            return; // a stopped directory (a rebuild, a test) has nothing to wait for
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (count(sql, args) == 0) {
            if (System.nanoTime() > deadline) {
                log.warn("the directory does not show {} within {}", command.getClass().getSimpleName(), MAX_WAIT);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long count(String sql, Object[] args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
