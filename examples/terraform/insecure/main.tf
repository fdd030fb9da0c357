# The three-tier architecture of ../secure with the mistakes the defense-in-depth guide warns
# about: administration and database ports open to the internet, a database in a public
# subnet, unencrypted and public storage, hard-coded credentials, keys that never rotate and no
# flow logs. It mirrors ../../insecure-stack.yaml; Palisade reports the same weaknesses.

variable "environment" {
  type    = string
  default = "dev"
}

variable "admin_cidr" {
  description = "Who may reach SSH. The default opens it to the world."
  type        = string
  default     = "0.0.0.0/0"
}

variable "database_password" {
  description = "Master password, with a default and not marked sensitive."
  type        = string
  default     = "Sup3rS3cretPassw0rd"
}

locals {
  is_prod = var.environment == "prod"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "public_b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public_b" {
  subnet_id      = aws_subnet.public_b.id
  route_table_id = aws_route_table.public.id
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_security_group" "web" {
  description = "Web servers"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "HTTPS from internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.admin_cidr]
  }

  ingress {
    description = "Application port"
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "Allow all outbound traffic"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "database" {
  description = "Database"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group_rule" "database_from_anywhere" {
  type              = "ingress"
  security_group_id = aws_security_group.database.id
  protocol          = "tcp"
  from_port         = 3306
  to_port           = 3306
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group" "debug" {
  description = "Temporary debugging access"
  vpc_id      = aws_vpc.main.id

  ingress {
    description      = "Everything from everywhere"
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_kms_key" "data" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_s3_bucket" "data" {
  bucket = "example-insecure-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "public-read"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.public_read.json
}

data "aws_iam_policy_document" "public_read" {
  statement {
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}

resource "aws_db_subnet_group" "database" {
  description = "Whatever subnets were at hand"
  subnet_ids  = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_db_instance" "database" {
  engine                  = "mysql"
  engine_version          = "8.0"
  username                = "admin"
  password                = var.database_password
  instance_class          = "db.t3.medium"
  allocated_storage       = 100
  storage_encrypted       = local.is_prod ? true : false
  publicly_accessible     = true
  vpc_security_group_ids  = [aws_security_group.database.id]
  db_subnet_group_name    = aws_db_subnet_group.database.name
  backup_retention_period = 0
}

resource "aws_db_instance" "reporting" {
  engine            = "postgres"
  engine_version    = "14.10"
  username          = "reporting"
  password          = "reporting-Passw0rd!"
  instance_class    = "db.t3.small"
  allocated_storage = 20
  storage_encrypted = true
}

resource "aws_iam_access_key" "deploy" {
  user = "deploy"
}

# --- Monitoring layer -----------------------------------------------------------------------
# A trail for this region only, without log validation, encryption or CloudWatch delivery.
resource "aws_cloudtrail" "app" {
  name                  = "app-trail"
  s3_bucket_name        = "example-app-trail-logs"
  enable_logging        = true
  is_multi_region_trail = false
}

# The guide's Security Hub example: superseded standard versions.
resource "aws_securityhub_account" "main" {
  enable_default_standards = true
}

resource "aws_securityhub_standards_subscription" "cis" {
  depends_on    = [aws_securityhub_account.main]
  standards_arn = "arn:aws:securityhub:ap-northeast-2::standards/cis-aws-foundations-benchmark/v/1.2.0"
}

resource "aws_securityhub_standards_subscription" "pci" {
  depends_on    = [aws_securityhub_account.main]
  standards_arn = "arn:aws:securityhub:ap-northeast-2::standards/pci-dss/v/3.2.1"
}

resource "aws_cloudwatch_log_group" "app" {
  retention_in_days = 7
}

output "legacy_key_id" {
  description = "Access key kept here \"for convenience\""
  value       = "AKIAZ3MSJV4WWNKWW5FG"
}
