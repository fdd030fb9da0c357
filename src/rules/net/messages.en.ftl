# English finding messages of the `net` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

net-reachable-internet = { $target } is reachable from the internet on { $port_text }{ $via }{ $why }: { $path_text }
net-message = { $kind }: { $text }
net-via-lb = {" "}through load balancer `{ $lb }`
net-hop-public-address = public-address
net-hop-route = route
net-hop-nacl-inbound = nacl-inbound
net-hop-nacl-outbound = nacl-outbound
net-hop-security-group = security-group
net-hop-load-balancer = load-balancer
net-hop-placement = placement
net-admin-ports = {" "}({ $ports })
