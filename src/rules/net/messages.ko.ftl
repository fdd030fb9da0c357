# Korean finding messages of the `net` rules: the ids and variables of messages.en.ftl,
# in its order.

net-reachable-internet = { $target }: 인터넷에서 { $port_text }(으)로 접근 가능{ $via }{ $why }: { $path_text }
net-message = { $kind }: { $text }
