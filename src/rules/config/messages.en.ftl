# English finding messages of the `config` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

config-recorder-partial-records-only = Config recorder `{ $recorder }` records only a list of resource types
config-recorder-partial-record-global = Config recorder `{ $recorder }` does not record global resource types (IAM)
