package cn.perfledger.domain.department;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.department.DepartmentCommand.AddUnit;
import cn.perfledger.domain.department.DepartmentCommand.RegisterDepartment;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepartmentTest {

    private static final DepartmentId ID = new DepartmentId("HZ-CZJ");
    private static final String NAME = "海珠区财政局";
    private static final String JURISDICTION = "广州市海珠区";
    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);
    private static final Unit HEAD = new Unit(new UnitCode("BJ"), "本级", true);
    private static final Unit CENTRE = new Unit(new UnitCode("PSZX"), "财政评审中心", false);

    private AggregateTestFixture<Department> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
    }

    private static DepartmentRegistered registered() {
        return new DepartmentRegistered(ID, NAME, JURISDICTION, List.of(HEAD, CENTRE), DAY);
    }

    private static RegisterDepartment register(List<Unit> units) {
        return new RegisterDepartment(ID, NAME, JURISDICTION, units, DAY);
    }

    private static void refused(ResultValidator<Department> result, Class<? extends DomainException> type, String field,
            String fragment) {
        result.expectException(type)
                .expectExceptionMessage(allOf(startsWith(field + ": "), containsString(fragment)))
                .expectNoEvents();
    }

    @Test
    void registerDepartment_emitsRegistered_withStrippedNames() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment(ID, " " + NAME, JURISDICTION + " ",
                        List.of(new Unit(new UnitCode("BJ"), " 本级 ", true), CENTRE), DAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void registerDepartment_fails_whenNameBlank() {
        refused(fixture.givenNoPriorActivity().when(new RegisterDepartment(ID, " ", JURISDICTION, List.of(HEAD), DAY)),
                DomainException.class, "name", "不能为空");
    }

    @Test
    void registerDepartment_fails_whenJurisdictionMissing() {
        refused(fixture.givenNoPriorActivity().when(new RegisterDepartment(ID, NAME, null, List.of(HEAD), DAY)),
                DomainException.class, "jurisdiction", "不能为空");
    }

    @Test
    void registerDepartment_fails_whenNoUnits() {
        refused(fixture.givenNoPriorActivity().when(register(List.of())), DomainException.class, "units", "本级");
    }

    @Test
    void registerDepartment_fails_whenUnitsMissing() {
        refused(fixture.givenNoPriorActivity().when(register(null)), DomainException.class, "units", "本级");
    }

    @Test
    void registerDepartment_fails_whenUnitCodesRepeat() {
        refused(fixture.givenNoPriorActivity().when(register(List.of(HEAD, CENTRE,
                new Unit(new UnitCode("PSZX"), "另一个中心", false)))), DomainException.class, "units[2].code", "PSZX");
    }

    @Test
    void registerDepartment_fails_whenNoHeadOffice() {
        refused(fixture.givenNoPriorActivity().when(register(List.of(CENTRE))), DomainException.class, "units",
                "当前有 0 个");
    }

    @Test
    void registerDepartment_fails_whenTwoHeadOffices() {
        refused(fixture.givenNoPriorActivity().when(register(List.of(HEAD, new Unit(new UnitCode("BJ2"), "本级二", true)))),
                DomainException.class, "units", "当前有 2 个");
    }

    @Test
    void registerDepartment_fails_whenUnitNameBlank() {
        refused(fixture.givenNoPriorActivity().when(register(List.of(HEAD, new Unit(new UnitCode("X"), "", false)))),
                DomainException.class, "units[1].name", "不能为空");
    }

    @Test
    void registerDepartment_fails_whenUnitMissing() {
        refused(fixture.givenNoPriorActivity().when(register(java.util.Arrays.asList(HEAD, null))),
                DomainException.class, "units[1]", "不能为空");
    }

    @Test
    void registerDepartment_fails_whenEffectiveDateMissing() {
        refused(fixture.givenNoPriorActivity().when(new RegisterDepartment(ID, NAME, JURISDICTION, List.of(HEAD), null)),
                DomainException.class, "effectiveDate", "不能为空");
    }

    @Test
    void addUnit_emitsUnitAdded() {
        Unit unit = new Unit(new UnitCode("XXZX"), "信息中心", false);
        fixture.given(registered())
                .when(new AddUnit(ID, new Unit(new UnitCode("XXZX"), "信息中心 ", false), DAY.plusMonths(3)))
                .expectEvents(new UnitAdded(ID, unit, DAY.plusMonths(3)));
    }

    @Test
    void addUnit_makesCodeTaken() {
        Unit unit = new Unit(new UnitCode("XXZX"), "信息中心", false);
        refused(fixture.given(registered(), new UnitAdded(ID, unit, DAY))
                .when(new AddUnit(ID, unit, DAY.plusDays(1))), ConflictException.class, "unit.code", "XXZX");
    }

    @Test
    void addUnit_fails_whenCodeExists() {
        refused(fixture.given(registered()).when(new AddUnit(ID, new Unit(new UnitCode("PSZX"), "同码单位", false), DAY)),
                ConflictException.class, "unit.code", "PSZX");
    }

    @Test
    void addUnit_fails_whenSecondHeadOffice() {
        refused(fixture.given(registered()).when(new AddUnit(ID, new Unit(new UnitCode("BJ2"), "本级二", true), DAY)),
                DomainException.class, "unit.headOffice", "BJ");
    }

    @Test
    void addUnit_fails_whenNameBlank() {
        refused(fixture.given(registered()).when(new AddUnit(ID, new Unit(new UnitCode("X1"), " ", false), DAY)),
                DomainException.class, "unit.name", "不能为空");
    }

    @Test
    void addUnit_fails_whenUnitMissing() {
        refused(fixture.given(registered()).when(new AddUnit(ID, null, DAY)), DomainException.class, "unit", "不能为空");
    }

    @Test
    void addUnit_fails_whenEffectiveDateMissing() {
        refused(fixture.given(registered()).when(new AddUnit(ID, new Unit(new UnitCode("X1"), "单位", false), null)),
                DomainException.class, "effectiveDate", "不能为空");
    }
}
