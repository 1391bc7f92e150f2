-- User names are unique regardless of case (Admin beside admin was possible and signed in as two people).
-- Rows that already clash keep their data: the oldest of each clash (created first, then by name) keeps its name;
-- every later one is disabled and renamed 'dupN-<name>' (N its rank in the clash, the name cut to 56 characters)
-- so that an administrator sees it in the user list and decides (re-enable under the new name, or leave it).
-- Event metadata keeps the names as they were when each event was recorded.
CREATE TABLE ledger_user_case_clash AS
SELECT u.username AS old_name,
       CONCAT('dup', CAST(1 + (SELECT COUNT(*) FROM ledger_user o
                               WHERE LOWER(o.username) = LOWER(u.username)
                                 AND (o.created_at < u.created_at
                                      OR (o.created_at = u.created_at AND o.username < u.username))) AS VARCHAR(10)),
              '-', LEFT(u.username, 56)) AS new_name
FROM ledger_user u
WHERE EXISTS (SELECT 1 FROM ledger_user o
              WHERE LOWER(o.username) = LOWER(u.username)
                AND (o.created_at < u.created_at OR (o.created_at = u.created_at AND o.username < u.username)));

UPDATE ledger_user
SET username = (SELECT c.new_name FROM ledger_user_case_clash c WHERE c.old_name = ledger_user.username),
    enabled = FALSE,
    updated_by = 'migration V20'
WHERE username IN (SELECT old_name FROM ledger_user_case_clash);

DROP TABLE ledger_user_case_clash;

-- the lower-cased name, kept by the database itself; sign-in and every lookup go through it
ALTER TABLE ledger_user ADD COLUMN username_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(username));
ALTER TABLE ledger_user ADD CONSTRAINT uq_ledger_user_username_key UNIQUE (username_key);
