variable "region" {
  description = "Region of the stack."
  type        = string
  default     = "ap-northeast-2"
}

variable "name" {
  description = "Prefix of resource names."
  type        = string
  default     = "secure"
}

variable "database_username" {
  description = "Master user name of the database (its password is kept in Secrets Manager by RDS)."
  type        = string
  default     = "appadmin"
}

variable "certificate_arn" {
  description = "ACM certificate of the load balancer's HTTPS listener."
  type        = string
  default     = "arn:aws:acm:ap-northeast-2:111122223333:certificate/00000000-0000-0000-0000-000000000000"
}

variable "audit_bucket" {
  description = "Bucket of the organisation's audit account that receives the trail's logs."
  type        = string
  default     = "example-org-audit-logs"
}

variable "config_bucket" {
  description = "Bucket of the organisation's audit account that receives AWS Config history."
  type        = string
  default     = "example-org-config-history"
}
