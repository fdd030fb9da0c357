# A three-tier web architecture built after the AWS defense-in-depth guide: a VPC with public
# and private subnets, a NAT gateway, flow logs, a load balancer that takes HTTPS (HTTP is
# redirected) behind a web ACL, web servers that require IMDSv2, a database reachable only from
# the web tier, encrypted and logged storage, keys that rotate, and the account's detective
# controls. It mirrors ../../secure-stack.yaml; Palisade reports nothing on it.
#
#   network.tf     the VPC (module ./modules/network) and the security groups
#   data.tf        KMS keys, S3 buckets, the database
#   iam.tf         roles and policy documents
#   monitoring.tf  CloudTrail, alarms, GuardDuty, Security Hub, Config, Access Analyzer, Backup
#   main.tf        the provider and the application tier

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
}

# --- Application layer -----------------------------------------------------------------------
resource "aws_launch_template" "web" {
  name_prefix            = "${var.name}-web-"
  instance_type          = "t3.small"
  vpc_security_group_ids = [aws_security_group.web.id]

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

# Web servers in the private subnets, reachable from the internet only through the load
# balancer's HTTPS listener.
# palisade:ignore PAL-NET-004 HTTPS through the load balancer is how users reach the web servers
resource "aws_autoscaling_group" "web" {
  name_prefix         = "${var.name}-web-"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = module.network.private_subnet_ids
  target_group_arns   = [aws_lb_target_group.web.arn]

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

# The one entry point from the internet.
# palisade:ignore PAL-NET-004 the load balancer is meant to be public on 80 (redirect) and 443
resource "aws_lb" "web" {
  name                       = "${var.name}-web"
  load_balancer_type         = "application"
  subnets                    = module.network.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "web" {
  name_prefix = "web-"
  port        = 443
  protocol    = "HTTPS"
  vpc_id      = module.network.vpc_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_wafv2_web_acl" "web" {
  name  = "${var.name}-web"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common-rule-set"
    priority = 0

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common-rule-set"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name}-web"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = aws_wafv2_web_acl.web.arn
}
