# English finding messages of the `backup` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

backup-plan-retention-lifecycle = backup plan `{ $plan }`: rule `{ $name }` has no Lifecycle
backup-plan-retention-deletes-recovery = backup plan `{ $plan }`: rule `{ $name }` deletes recovery points after { $d } days
