# English finding messages of the `elb` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

alb-http-without-redirect-listener-serves = listener `{ $listener }` serves HTTP and declares no default action redirecting to HTTPS
alb-http-without-redirect-listener-serves-2 = listener `{ $listener }` serves HTTP without redirecting to HTTPS
alb-tls-policy-outdated-listener-sets = listener `{ $listener }` sets no SslPolicy, so it gets the default { $default_policy }, which allows TLS versions before 1.2
alb-tls-policy-outdated-listener-uses = listener `{ $listener }` uses { $p }, which allows TLS versions before 1.2
alb-tls-policy-outdated-load-balancer = load balancer `{ $balancer }` policy `{ $name }` sets { $k } to { $v }, which allows protocols before TLS 1.2
classic-plaintext-listener-internet-facing = internet-facing load balancer `{ $balancer }` accepts plain { $proto }{ $port }, without TLS
classic-plaintext-listener-on-port = {" "}on port { $port }
