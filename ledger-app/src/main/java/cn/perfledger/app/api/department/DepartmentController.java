package cn.perfledger.app.api.department;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.department.DepartmentRequests.AddUnitRequest;
import cn.perfledger.app.api.department.DepartmentRequests.RegisterDepartmentRequest;
import cn.perfledger.app.api.department.DepartmentRequests.UnitRequest;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.department.DepartmentCommand.AddUnit;
import cn.perfledger.domain.department.DepartmentCommand.RegisterDepartment;
import cn.perfledger.app.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department register: register a department with its units, add units, and list departments with their
 * units and fiscal years. The lists come from the directory read model, which follows the event store within
 * milliseconds (a tracking processor); commands are consistent immediately.
 */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "部门 departments", description = "部门及所属单位的登记；部门与年度目录")
public class DepartmentController {

    private final ApiCommands commands;
    private final DirectoryQueries directory;

    public DepartmentController(ApiCommands commands, DirectoryQueries directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping
    @Operation(summary = "登记部门（RegisterDepartment）")
    public ResponseEntity<CommandResult> register(@Valid @RequestBody RegisterDepartmentRequest request) {
        RegisterDepartment command = new RegisterDepartment(request.departmentId(), request.name(),
                request.jurisdiction(), request.units().stream().map(UnitRequest::toUnit).toList(),
                request.effectiveDate());
        return commands.send(request.departmentId().code(), command);
    }

    @PostMapping("/{dept}/units")
    @Operation(summary = "新增单位（AddUnit）")
    public ResponseEntity<CommandResult> addUnit(@PathVariable String dept, @Valid @RequestBody AddUnitRequest request) {
        DepartmentId id = new DepartmentId(dept);
        return commands.send(id.code(), new AddUnit(id, request.unit().toUnit(), request.effectiveDate()));
    }

    @GetMapping
    @Operation(summary = "部门列表（含单位与年度）", description = "只列出当前用户部门范围内的部门。")
    public List<DepartmentView> list() {
        return directory.departments().stream().filter(d -> CurrentUser.maySee(d.departmentId())).toList();
    }

    @GetMapping("/{dept}")
    @Operation(summary = "一个部门（含单位与年度）")
    public DepartmentView get(@PathVariable String dept) {
        DepartmentId id = new DepartmentId(dept);
        return directory.department(id.code())
                .orElseThrow(() -> new NotFoundException("departmentId", "部门未登记: " + id));
    }
}
