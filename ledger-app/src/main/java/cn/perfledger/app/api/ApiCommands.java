package cn.perfledger.app.api;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.domain.common.CommandOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a command on behalf of the current HTTP request. The origin is the channel ({@link #client}), the signed-in
 * user and his roles (e.g. {@code CLERK}), {@code synthetic=false}, and the correlation id of {@code X-Correlation-Id} when the client sends a sane one,
 * otherwise a new UUID. The correlation id is echoed in the response header of the same name.
 */
@Component
public class ApiCommands {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CLIENT_HEADER = "X-Ledger-Client";
    private static final String ORIGIN_ATTRIBUTE = ApiCommands.class.getName() + ".origin";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CommandDispatcher dispatcher;

    public ApiCommands(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The one way an endpoint sends a command and answers: 201 Created when events were recorded, 200 OK for a
     * reported no-op. A handler whose result is a {@link CommandOutcome} says which it was, and its outcome is the
     * answer's {@code outcome}; any other handler recorded its events (or was refused with an exception) and answers
     * no outcome (a creation handler's result is only the new aggregate's id, already the answer's {@code id}).
     */
    public ResponseEntity<CommandResult> send(String id, Object command) {
        Object result = dispatcher.send(command, origin());
        return result instanceof CommandOutcome outcome ? answer(id, outcome) : answer(id, true, null);
    }

    /** The answer to a command an import service sent (file imports build their command from the upload). */
    public ResponseEntity<CommandResult> answer(String id, CommandOutcome outcome) {
        return answer(id, outcome.eventsRecorded(), outcome);
    }

    private ResponseEntity<CommandResult> answer(String id, boolean recorded, Object outcome) {
        CommandResult body = new CommandResult(id, recorded, outcome, origin().correlationId());
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    /** The origin of the current request, created once per request. */
    public CommandOrigin origin() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        Object existing = attributes.getAttribute(ORIGIN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (existing instanceof CommandOrigin origin) {
            return origin;
        }
        HttpServletRequest request = attributes.getRequest();
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId != null && !SANE_ID.matcher(correlationId).matches()) {
            correlationId = null;
        }
        LedgerUserDetails user = CurrentUser.get().orElse(null);
        CommandOrigin origin = new CommandOrigin(client(request), user == null ? null : user.getUsername(),
                user == null ? null : user.roleNames(), false, correlationId);
        attributes.setAttribute(ORIGIN_ATTRIBUTE, origin, RequestAttributes.SCOPE_REQUEST);
        if (attributes.getResponse() != null) {
            attributes.getResponse().setHeader(CORRELATION_HEADER, origin.correlationId());
        }
        return origin;
    }

    /**
     * The channel: pages (anything outside {@code /api}) are the UI; on the API the client may say {@code CLI} or
     * {@code UI} in {@value #CLIENT_HEADER}. The channel is a label for auditors, not a permission: who and which
     * role come from the signed-in user.
     */
    static ClientKind client(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ClientKind.UI;
        }
        String declared = request.getHeader(CLIENT_HEADER);
        if ("CLI".equalsIgnoreCase(declared)) {
            return ClientKind.CLI;
        }
        return "UI".equalsIgnoreCase(declared) ? ClientKind.UI : ClientKind.API;
    }

    /** The correlation id of {@code request} if a command was sent in it (for error bodies). */
    static String correlationIdOf(HttpServletRequest request) {
        // the request-scoped attribute of origin() is a servlet request attribute of the same name
        return request.getAttribute(ORIGIN_ATTRIBUTE) instanceof CommandOrigin o ? o.correlationId() : null;
    }
}
