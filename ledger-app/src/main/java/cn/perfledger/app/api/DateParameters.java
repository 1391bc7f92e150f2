package cn.perfledger.app.api;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one parsing point of every {@code LocalDate} and {@code Instant} request parameter and path variable of
 * every controller ({@code asOf}, {@code knownAt}, {@code fromKnownAt}, {@code from}, {@code referenceDate} …):
 * an editor registered for the two types on each binder, which Spring prefers to its conversion service. A date is
 * {@code yyyy-MM-dd}, an instant ISO-8601 with {@code Z} or an offset ({@code 2022-03-15T09:30:00+08:00}); blank
 * means absent. A malformed value or one outside {@link DateBounds} fails the binding, which the handlers answer
 * with 400 naming the parameter and, for a value out of range, the bounds.
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
