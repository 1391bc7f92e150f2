-- Users who may sign in: roles (comma-separated CLERK/EVALUATOR/AUDITOR/ADMIN), department scope ('*' or a
-- comma-separated list of department codes), a password hash in Spring Security's {id}hash form, and who last
-- changed the row. Users are not ledger events: they say who may record events, and every event records who did.
CREATE TABLE ledger_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    departments   VARCHAR(2000) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL
);
