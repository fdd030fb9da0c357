# English finding messages of the `secrets` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

hardcoded-password-message = { $where_ } { $what }
hardcoded-password-comes-whose = { $place } comes from { $noun } `{ $name }`, whose { $default } is a literal value
hardcoded-password-default = default of { $noun } `{ $name }`
hardcoded-password-looks-like = { $noun } `{ $p_name }` looks like a secret and has a literal { $default }
hardcoded-password-2 = { $noun } `{ $p_name }`
private-key-contains = { $place } contains a private key (`{ $label }`)
secret-parameter-without-noecho-used-but = { $noun } `{ $p_name }` is used for { $place } but is not { $hidden }
secret-parameter-without-noecho-used-here = `{ $p_name }` used here
secret-parameter-without-noecho-looks-like = { $noun } `{ $p_name }` looks like a secret but is not { $hidden }
aws-access-key-contains = { $place } contains an AWS access key id (`{ $key }`)
aws-access-key-contains-secret = { $place } contains an AWS secret access key
hardcoded-password-url = contains a URL with a literal password
hardcoded-password-literal = is set to a literal value
