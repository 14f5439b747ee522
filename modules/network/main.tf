data "aws_availability_zones" "zones" {
  state = "available"

  dynamic "filter" {
    for_each = length(var.availability_zones) > 0 ? [1] : []

    content {
      name   = "zone-name"
      values = var.availability_zones
    }
  }

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }

  lifecycle {
    postcondition {
      condition     = length(self.names) >= var.az_count
      error_message = "az_count is ${var.az_count} but the region has fewer available availability zones; lower az_count"
    }

    postcondition {
      condition     = !(length(var.availability_zones) > 0) || length(self.names) == length(var.availability_zones)
      error_message = "availability_zones names a zone this account does not have available in the region; allowed: zones that aws ec2 describe-availability-zones lists as available"
    }
  }
}

data "aws_caller_identity" "account" {
  count = var.flow_logs ? 1 : 0
}

data "aws_iam_policy_document" "flow_logs_trust" {
  count = var.flow_logs ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    effect  = "Allow"

    condition {
      test     = "StringEquals"
      values   = [data.aws_caller_identity.account[0].account_id]
      variable = "aws:SourceAccount"
    }

    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition[0].partition}:ec2:${data.aws_region.region.name}:${data.aws_caller_identity.account[0].account_id}:vpc-flow-log/*",
      ]
      variable = "aws:SourceArn"
    }

    principals {
      identifiers = ["vpc-flow-logs.amazonaws.com"]
      type        = "Service"
    }
  }
}

data "aws_iam_policy_document" "flow_logs_write" {
  count = var.flow_logs ? 1 : 0

  statement {
    actions = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    effect  = "Allow"
    resources = [
      aws_cloudwatch_log_group.flow_logs_group[0].arn,
      "${aws_cloudwatch_log_group.flow_logs_group[0].arn}:log-stream:*",
    ]
    sid = "WriteFlowLogsToItsGroupOnly"
  }
}

data "aws_partition" "partition" {
  count = var.flow_logs ? 1 : 0
}

data "aws_region" "region" {
}

resource "aws_cloudwatch_log_group" "flow_logs_group" {
  count = var.flow_logs ? 1 : 0

  kms_key_id        = var.flow_log_kms_key_arn == "" ? null : var.flow_log_kms_key_arn
  name              = "/vpc/${var.app}-${var.environment}/flow-logs"
  retention_in_days = var.flow_log_retention_days
}

resource "aws_default_security_group" "default_security_group" {
  egress  = []
  ingress = []
  vpc_id  = aws_vpc.vpc.id
}

resource "aws_eip" "nat_eip" {
  count = (var.nat_gateways == "none" ? 0 : (var.nat_gateways == "single" ? 1 : var.az_count))

  domain = "vpc"
  tags = {
    Name = "${var.app}-${var.environment}-nat-${count.index}"
  }

  depends_on = [aws_internet_gateway.igw]
}

resource "aws_flow_log" "flow_logs" {
  count = var.flow_logs ? 1 : 0

  iam_role_arn         = aws_iam_role.flow_logs_role[0].arn
  log_destination      = aws_cloudwatch_log_group.flow_logs_group[0].arn
  log_destination_type = "cloud-watch-logs"
  tags = {
    Name = "${var.app}-${var.environment}"
  }
  traffic_type = "ALL"
  vpc_id       = aws_vpc.vpc.id
}

resource "aws_iam_role" "flow_logs_role" {
  count = var.flow_logs ? 1 : 0

  assume_role_policy = data.aws_iam_policy_document.flow_logs_trust[0].json
  name               = "${var.app}-${var.environment}-vpc-flow-logs"
}

resource "aws_iam_role_policy" "flow_logs_policy" {
  count = var.flow_logs ? 1 : 0

  name   = "write-flow-logs"
  policy = data.aws_iam_policy_document.flow_logs_write[0].json
  role   = aws_iam_role.flow_logs_role[0].id
}

resource "aws_internet_gateway" "igw" {
  tags = {
    Name = "${var.app}-${var.environment}"
  }
  vpc_id = aws_vpc.vpc.id
}

resource "aws_nat_gateway" "nat" {
  count = (var.nat_gateways == "none" ? 0 : (var.nat_gateways == "single" ? 1 : var.az_count))

  allocation_id = aws_eip.nat_eip[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags = {
    Name = "${var.app}-${var.environment}-nat-${count.index}"
  }

  depends_on = [aws_internet_gateway.igw]
}

resource "aws_route" "private_nat_route" {
  count = (var.nat_gateways == "none" ? 0 : (var.nat_gateways == "single" ? var.az_count : var.az_count))

  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat[(var.nat_gateways == "none" ? 0 : (var.nat_gateways == "single" ? 0 : count.index))].id
  route_table_id         = aws_route_table.private_routes[count.index].id
}

resource "aws_route" "public_internet_route" {
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.igw.id
  route_table_id         = aws_route_table.public_routes.id
}

resource "aws_route_table" "private_routes" {
  count = var.az_count

  tags = {
    Name = "${var.app}-${var.environment}-private-${count.index}"
  }
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route_table" "public_routes" {
  tags = {
    Name = "${var.app}-${var.environment}-public"
  }
  vpc_id = aws_vpc.vpc.id
}

resource "aws_route_table_association" "private_association" {
  count = var.az_count

  route_table_id = aws_route_table.private_routes[count.index].id
  subnet_id      = aws_subnet.private[count.index].id
}

resource "aws_route_table_association" "public_association" {
  count = var.az_count

  route_table_id = aws_route_table.public_routes.id
  subnet_id      = aws_subnet.public[count.index].id
}

resource "aws_security_group" "endpoints_security_group" {
  count = var.vpc_endpoints ? 1 : 0

  description = "HTTPS from inside the VPC to its interface endpoints"
  ingress = [
    {
      cidr_blocks      = [var.cidr]
      description      = "HTTPS from the VPC"
      from_port        = 443
      ipv6_cidr_blocks = null
      prefix_list_ids  = null
      protocol         = "tcp"
      security_groups  = null
      self             = null
      to_port          = 443
    },
  ]
  name = "${var.app}-${var.environment}-vpc-endpoints"
  tags = {
    Name = "${var.app}-${var.environment}-vpc-endpoints"
  }
  vpc_id = aws_vpc.vpc.id
}

resource "aws_subnet" "private" {
  count = var.az_count

  availability_zone       = element(data.aws_availability_zones.zones.names, count.index)
  cidr_block              = (length(var.private_subnets) > 0 ? var.private_subnets : [for zone in range(var.az_count) : cidrsubnet(var.cidr, 4, 8 + zone)])[count.index]
  map_public_ip_on_launch = false
  tags = {
    Name = "${var.app}-${var.environment}-private-${count.index}"
  }
  vpc_id = aws_vpc.vpc.id

  lifecycle {
    ignore_changes = [availability_zone]
  }
}

resource "aws_subnet" "public" {
  count = var.az_count

  availability_zone       = element(data.aws_availability_zones.zones.names, count.index)
  cidr_block              = (length(var.public_subnets) > 0 ? var.public_subnets : [for zone in range(var.az_count) : cidrsubnet(var.cidr, 4, zone)])[count.index]
  map_public_ip_on_launch = false
  tags = {
    Name = "${var.app}-${var.environment}-public-${count.index}"
  }
  vpc_id = aws_vpc.vpc.id

  lifecycle {
    ignore_changes = [availability_zone]
  }
}

resource "aws_vpc" "vpc" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name = "${var.app}-${var.environment}"
  }
}

resource "aws_vpc_endpoint" "ecr_api_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints_security_group[0].id]
  service_name        = "com.amazonaws.${data.aws_region.region.name}.ecr.api"
  subnet_ids          = aws_subnet.private[*].id
  tags = {
    Name = "${var.app}-${var.environment}-ecr.api"
  }
  vpc_endpoint_type = "Interface"
  vpc_id            = aws_vpc.vpc.id
}

resource "aws_vpc_endpoint" "ecr_dkr_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints_security_group[0].id]
  service_name        = "com.amazonaws.${data.aws_region.region.name}.ecr.dkr"
  subnet_ids          = aws_subnet.private[*].id
  tags = {
    Name = "${var.app}-${var.environment}-ecr.dkr"
  }
  vpc_endpoint_type = "Interface"
  vpc_id            = aws_vpc.vpc.id
}

resource "aws_vpc_endpoint" "logs_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints_security_group[0].id]
  service_name        = "com.amazonaws.${data.aws_region.region.name}.logs"
  subnet_ids          = aws_subnet.private[*].id
  tags = {
    Name = "${var.app}-${var.environment}-logs"
  }
  vpc_endpoint_type = "Interface"
  vpc_id            = aws_vpc.vpc.id
}

resource "aws_vpc_endpoint" "s3_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  route_table_ids = aws_route_table.private_routes[*].id
  service_name    = "com.amazonaws.${data.aws_region.region.name}.s3"
  tags = {
    Name = "${var.app}-${var.environment}-s3"
  }
  vpc_endpoint_type = "Gateway"
  vpc_id            = aws_vpc.vpc.id
}

resource "aws_vpc_endpoint" "secretsmanager_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints_security_group[0].id]
  service_name        = "com.amazonaws.${data.aws_region.region.name}.secretsmanager"
  subnet_ids          = aws_subnet.private[*].id
  tags = {
    Name = "${var.app}-${var.environment}-secretsmanager"
  }
  vpc_endpoint_type = "Interface"
  vpc_id            = aws_vpc.vpc.id
}

resource "aws_vpc_endpoint" "ssm_endpoint" {
  count = var.vpc_endpoints ? 1 : 0

  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints_security_group[0].id]
  service_name        = "com.amazonaws.${data.aws_region.region.name}.ssm"
  subnet_ids          = aws_subnet.private[*].id
  tags = {
    Name = "${var.app}-${var.environment}-ssm"
  }
  vpc_endpoint_type = "Interface"
  vpc_id            = aws_vpc.vpc.id
}
