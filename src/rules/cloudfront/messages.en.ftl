# English finding messages of the `cloudfront` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

cloudfront-tls-outdated-distribution-uses = CloudFront distribution `{ $id }` uses the default *.cloudfront.net certificate, which accepts TLSv1: viewers can be downgraded to TLS 1.0
cloudfront-tls-outdated-distribution-sets = CloudFront distribution `{ $id }` sets no MinimumProtocolVersion, so it accepts TLSv1 (use { $current })
cloudfront-viewer-protocol-allow-all-distribution-allows = CloudFront distribution `{ $distribution }` { $which } allows viewers on plain HTTP (ViewerProtocolPolicy allow-all)
cloudfront-tls-outdated-distribution-accepts = CloudFront distribution `{ $id }` accepts { $v }: protocols before TLS 1.2 (use { $current })
cloudfront-tls-outdated-distribution-accepts-2 = CloudFront distribution `{ $id }` accepts { $v }: TLS 1.2 with weaker ciphers (use { $current })
cloudfront-cache-behaviour = cache behaviour `{ $path }`
cloudfront-default-cache-behaviour = default cache behaviour
