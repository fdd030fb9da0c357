# English finding messages of the `database` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

rds-auto-minor-upgrade-disabled-take-engine = { $db } does not take minor engine upgrades automatically (AutoMinorVersionUpgrade is false)
rds-deletion-protection-deletionprotection-true = { $db } has no deletion protection (DeletionProtection is not true)
rds-iam-authentication-accept-database = { $db } does not accept IAM database authentication (EnableIAMDatabaseAuthentication is not true): logins rely on long-lived passwords
rds-log-exports-logs-cloudwatch = { $db } exports no logs to CloudWatch Logs
rds-single-az-runs-availability = { $db } runs in a single Availability Zone (MultiAZ is not true)
database-read-replica = Read replica `{ $name }`
database-db-cluster = DB cluster `{ $name }`
database-db-instance = DB instance `{ $name }`
