# English finding messages of the `net` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

net-reachable-internet = { $target } is reachable from the internet on { $port_text }{ $via }{ $why }: { $path_text }
net-message = { $kind }: { $text }
