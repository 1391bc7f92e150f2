package cn.perfledger.domain.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** The fixture tests' matcher of a refusal: its type, the field it names and a fragment of its rule. */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** A {@link DomainException} (or subclass) on the given field whose rule contains the given text. */
    public static Matcher<Throwable> domainError(Class<? extends DomainException> type, String field,
            String ruleFragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return type.isInstance(error) && field.equals(((DomainException) error).field())
                        && ((DomainException) error).rule().contains(ruleFragment);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " on field '" + field + "' with a rule containing '"
                        + ruleFragment + "'");
            }
        };
    }

    public static Matcher<Throwable> domainError(String field, String ruleFragment) {
        return domainError(DomainException.class, field, ruleFragment);
    }
}
