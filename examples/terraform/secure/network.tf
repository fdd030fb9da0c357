# --- Network layer ---------------------------------------------------------------------------
module "network" {
  source = "./modules/network"

  name       = "${var.name}-vpc"
  cidr_block = "10.0.0.0/16"

  # The load balancer needs subnets in two availability zones.
  public_subnets = {
    public-a = { cidr_block = "10.0.1.0/24", availability_zone = "${var.region}a" }
    public-c = { cidr_block = "10.0.4.0/24", availability_zone = "${var.region}c" }
  }
  private_subnets = {
    private-a = { cidr_block = "10.0.2.0/24", availability_zone = "${var.region}a" }
    private-c = { cidr_block = "10.0.3.0/24", availability_zone = "${var.region}c" }
  }

  flow_log_kms_key_arn = aws_kms_key.logs.arn
}

# ISMS-P: network access control. The load balancer takes HTTP(S) from the internet and talks
# only to the web servers; web servers talk only to the database and to HTTPS endpoints.
resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Load balancer: HTTP(S) from the internet, HTTPS to the web servers"
  vpc_id      = module.network.vpc_id

  tags = {
    Compliance = "ISMS-P"
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from internet, redirected to HTTPS"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_web" {
  security_group_id            = aws_security_group.alb.id
  description                  = "HTTPS to the web servers"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.web.id
}

resource "aws_security_group" "web" {
  name        = "web-server-sg"
  description = "Security group for web servers"
  vpc_id      = module.network.vpc_id

  tags = {
    Compliance = "ISMS-P"
  }

  # Behind the load balancer, the web servers take HTTPS from it only (the CloudFormation
  # stack, without a load balancer, opens 80 and 443 to the internet).
  ingress {
    description     = "HTTPS from the load balancer"
    protocol        = "tcp"
    from_port       = 443
    to_port         = 443
    security_groups = [aws_security_group.alb.id]
  }

  egress {
    description = "HTTPS to AWS APIs and package mirrors"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "web_to_database" {
  type                     = "egress"
  security_group_id        = aws_security_group.web.id
  description              = "MySQL to the database tier"
  protocol                 = "tcp"
  from_port                = 3306
  to_port                  = 3306
  source_security_group_id = aws_security_group.database.id
}

resource "aws_security_group" "database" {
  name        = "${var.name}-database"
  description = "Database tier, reachable from the web tier only"
  vpc_id      = module.network.vpc_id

  tags = {
    Compliance = "ISMS-P"
  }

  ingress {
    description     = "MySQL from web servers"
    protocol        = "tcp"
    from_port       = 3306
    to_port         = 3306
    security_groups = [aws_security_group.web.id]
  }

  egress {
    description = "HTTPS to VPC endpoints"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [module.network.vpc_cidr_block]
  }
}
