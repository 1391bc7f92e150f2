package cn.perfledger.app.ui;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the web pages as a Chinese error page naming the field and the rule, with a 4xx status: malformed
 * input 400, unknown department/year 404. Scoped to this package's controllers and ordered before the API's
 * Problem Details handler, which answers everything else. Never a stack trace; an unexpected failure is logged
 * and shown as a Chinese 500 page without internals.
 */
// the browser download of the workbook is a page too: same Chinese error page
@ControllerAdvice(basePackageClasses = UiExceptionHandler.class,
        assignableTypes = cn.perfledger.app.export.ExportPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

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
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException rule) {
                return page(HttpStatus.BAD_REQUEST, "请求参数有误", field, rule.rule(), request, response);
            }
        }
        Class<?> type = e.getRequiredType();
        String expected = type == int.class || type == Integer.class || type == long.class || type == Long.class
                ? "整数" + ("year".equals(field) ? "（四位年度，例如 2021）" : "") : "正确的格式";
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", field, "应为" + expected + "，收到「" + e.getValue() + "」",
                request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", e.getParameterName(), "缺少必填参数", request, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("page {} failed", request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", null, "页面生成失败，已记录日志；请稍后重试或联系管理员",
                request, response);
    }

    static ModelAndView page(HttpStatus status, String title, String field, String rule,
            HttpServletRequest request, HttpServletResponse response) {
        ModelAndView view = new ModelAndView("ui/error");
        view.setStatus(status);
        response.setStatus(status.value());
        view.addObject("status", status.value());
        view.addObject("title", title);
        view.addObject("field", field);
        view.addObject("fieldLabel", fieldLabel(field));
        view.addObject("rule", rule);
        view.addObject("path", request.getRequestURI());
        return view;
    }

    /** The Chinese name of a parameter, shown next to its code. */
    static String fieldLabel(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "asOf" -> "评价基准日";
            case "knownAt" -> "知悉时点";
            case "year", "fiscalYear" -> "年度";
            case "fiscalYearId" -> "部门年度";
            case "dept", "departmentId", "code" -> "部门";
            case "from" -> "业务日期起";
            case "to" -> "业务日期止";
            case "type" -> "记录类型";
            case "page" -> "页码";
            case "size" -> "每页条数";
            case "rubricVersion" -> "评价体系版本";
            case "fromAsOf" -> "起点评价基准日";
            case "fromKnownAt" -> "起点知悉时点";
            case "toAsOf" -> "终点评价基准日";
            case "toKnownAt" -> "终点知悉时点";
            case "item" -> "评分项";
            case "input" -> "输入";
            case "no" -> "提交序号";
            case "digest" -> "摘要文件";
            case "path" -> "请求地址";
            case "voucherNo", "voucher" -> "凭证号";
            default -> field;
        };
    }
}
