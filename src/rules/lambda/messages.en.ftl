# English finding messages of the `lambda` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

lambda-deprecated-runtime-function-uses = function `{ $function }` uses runtime { $rt }, deprecated since { $date }
lambda-permission-without-source-lets-invoke = permission `{ $permission }` lets { $who } invoke the function without `SourceArn` or `SourceAccount`: a resource of any account can trigger it
