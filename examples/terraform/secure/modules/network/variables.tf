variable "name" {
  description = "Name tag of the VPC and prefix of the other resources' names."
  type        = string
}

variable "cidr_block" {
  description = "Address range of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "public_subnets" {
  description = "Public subnets by name: address range and availability zone."
  type        = map(object({ cidr_block = string, availability_zone = string }))
}

variable "private_subnets" {
  description = "Private subnets by name: address range and availability zone."
  type        = map(object({ cidr_block = string, availability_zone = string }))
}

variable "flow_log_retention_days" {
  description = "How long the flow log group keeps events."
  type        = number
  default     = 365
}

variable "flow_log_kms_key_arn" {
  description = "KMS key that encrypts the flow log group."
  type        = string
}
