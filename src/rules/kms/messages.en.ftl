# English finding messages of the `kms` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

kms-key-policy-public-restricting-condition = the key policy of KMS key `{ $key }` allows everyone (`*`) { $describe_actions } with no restricting condition
kms-key-rotation-set-enablekeyrotation = KMS key `{ $key }` does not set EnableKeyRotation (defaults to false)
kms-key-rotation-sets-enablekeyrotation = KMS key `{ $key }` sets EnableKeyRotation to false
kms-actions-undecided = actions that could not be decided
kms-all-actions = all KMS actions (`kms:*`, which includes changing the key policy and scheduling the key's deletion)
kms-every-action-except = every action except { $actions }
kms-no-action = no action
