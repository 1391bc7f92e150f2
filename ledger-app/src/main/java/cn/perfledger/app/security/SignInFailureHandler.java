package cn.perfledger.app.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A failed sign-in form: wrong credentials go back to {@code /login?error} as before; a throttled attempt is
 * answered 429 with {@code Retry-After} and the sign-in page saying how long to wait (no redirect, so the status
 * and the header reach the browser and any script).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SignInFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler(
            "/login?error");
    private final ViewResolver views;

    public SignInFailureHandler(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof SignInThrottledException throttled)) {
            wrongCredentials.onAuthenticationFailure(request, response, exception);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        try {
            View page = views.resolveViewName("ui/login", Locale.SIMPLIFIED_CHINESE);
            page.render(Map.of("throttledSeconds", throttled.retryAfterSeconds()), request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
