output "load_balancer_dns_name" {
  description = "Where the application answers (HTTPS)."
  value       = aws_lb.web.dns_name
}

output "data_bucket" {
  description = "The application data bucket."
  value       = aws_s3_bucket.data.id
}

output "database_endpoint" {
  description = "The database's address inside the VPC."
  value       = aws_db_instance.database.address
}

output "database_master_secret_arn" {
  description = "The Secrets Manager secret RDS keeps the master password in."
  value       = aws_db_instance.database.master_user_secret[0].secret_arn
}

output "security_alerts_topic_arn" {
  description = "Subscribe the on-call address here."
  value       = aws_sns_topic.security_alerts.arn
}
