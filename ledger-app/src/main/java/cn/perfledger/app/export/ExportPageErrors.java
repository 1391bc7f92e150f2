package cn.perfledger.app.export;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.ui.UiInputException;
import cn.perfledger.domain.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the browser download as the pages' Chinese error page ({@code ui/error}) with a 4xx status, never
 * Problem JSON or a stack trace in a browser tab. The pages' own handler is scoped to the {@code ui} package, so
 * this one covers {@link ExportPageController} with the same model (status, title, field, its Chinese name, rule).
 */
@ControllerAdvice(assignableTypes = ExportPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ExportPageErrors {

    private static final Logger log = LoggerFactory.getLogger(ExportPageErrors.class);

    @ExceptionHandler(UiInputException.class)
    ModelAndView input(UiInputException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", e.field(), e.rule(), request, response);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView rule(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", e.field(), e.rule(), request, response);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "未找到", e.field(), e.rule(), request, response);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", field, "应为" + ("year".equals(field)
                ? "整数（四位年度，例如 2021）" : "正确的格式") + "，收到「" + e.getValue() + "」", request, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("export {} failed", request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", null, "导出失败，已记录日志；请稍后重试或联系管理员",
                request, response);
    }

    private static ModelAndView page(HttpStatus status, String title, String field, String rule,
            HttpServletRequest request, HttpServletResponse response) {
        ModelAndView view = new ModelAndView("ui/error");
        view.setStatus(status);
        response.setStatus(status.value());
        view.addObject("status", status.value());
        view.addObject("title", title);
        view.addObject("field", field);
        view.addObject("fieldLabel", label(field));
        view.addObject("rule", rule);
        view.addObject("path", request.getRequestURI());
        return view;
    }

    private static String label(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "asOf" -> "评价基准日";
            case "knownAt" -> "知悉时点";
            case "year", "fiscalYear" -> "年度";
            case "fiscalYearId" -> "部门年度";
            case "dept", "departmentId" -> "部门";
            default -> field;
        };
    }
}
