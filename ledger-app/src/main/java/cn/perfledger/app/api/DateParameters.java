package cn.perfledger.app.api;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one parsing point of every {@code LocalDate}, {@code Instant} and {@link FiscalYear} request parameter and
 * path variable of every controller ({@code asOf}, {@code knownAt}, {@code fromKnownAt}, {@code from},
 * {@code referenceDate}, {@code year} …) and of every {@code boolean} request parameter: an editor registered for
 * each type on each binder, which Spring prefers to its conversion service. A date is {@code yyyy-MM-dd}, an instant
 * ISO-8601 with {@code Z} or an offset ({@code 2022-03-15T09:30:00+08:00}), a fiscal year four ASCII digits within
 * {@link FiscalYear}'s range, a boolean parameter {@code true} or {@code false}; blank means absent. A malformed value
 * or one outside its bounds fails the binding, which the handlers answer with 400 naming the parameter and the rule.
 */
@ControllerAdvice
public class DateParameters {

    @InitBinder
    void dateAndInstantEditors(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Editor() {
            @Override
            Object parse(String text) {
                return DateBounds.check("date", LocalDate.parse(text));
            }
        });
        binder.registerCustomEditor(Instant.class, new Editor() {
            @Override
            Object parse(String text) {
                Instant instant;
                try {
                    instant = Instant.parse(text);
                } catch (DateTimeParseException e) {
                    instant = OffsetDateTime.parse(text).toInstant();
                }
                return DateBounds.check("instant", instant);
            }
        });
        binder.registerCustomEditor(FiscalYear.class, new Editor() {
            @Override
            Object parse(String text) {
                if (!text.matches("[0-9]{4}")) {
                    throw new DomainException("year", "年度必须是四位整数（如 2021）: " + text);
                }
                return new FiscalYear(Integer.parseInt(text));
            }
        });
        if (binder.getTarget() == null) {
            // a request parameter's binder (a form's has its object as target): Spring's own boolean conversion
            // also takes yes/on/1, which a form's checkbox may send but a query string should not
            Editor strictBoolean = new Editor() {
                @Override
                Object parse(String text) {
                    return switch (text) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> throw new DomainException("boolean", "只能是 true 或 false: " + text);
                    };
                }
            };
            binder.registerCustomEditor(boolean.class, strictBoolean);
            binder.registerCustomEditor(Boolean.class, strictBoolean);
        }
    }

    /**
     * Throws {@link IllegalArgumentException} (Spring reports it as a type mismatch of the parameter, keeping
     * the cause: a {@code DomainException} with the bounds rule, or the parse failure).
     */
    private abstract static class Editor extends PropertyEditorSupport {

        abstract Object parse(String text);

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(parse(text.strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
