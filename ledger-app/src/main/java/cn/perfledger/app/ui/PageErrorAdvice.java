package cn.perfledger.app.ui;

import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path: a browser gets the Chinese error page with the user bar, the API keeps its Problem Details
 * (the same body {@code ApiExceptionHandler} writes for a 404). Unknown paths reach no controller, so the page
 * controllers' {@link UiExceptionHandler} never sees them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrorAdvice {

    static final String NO_SUCH_PAGE = "没有这个页面（路径不存在）";
    private static final String NO_SUCH_ENDPOINT = "没有这个接口（路径不存在）";

    private final ObjectMapper json;

    public PageErrorAdvice(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
            ProblemFactory.write(ProblemFactory.problem(HttpStatusCode.valueOf(404), Problems.NOT_FOUND, "path",
                    NO_SUCH_ENDPOINT, request), response, json);
            return null;
        }
        return UiExceptionHandler.page(HttpStatus.NOT_FOUND, "页面不存在", "path", NO_SUCH_PAGE, request, response);
    }
}
