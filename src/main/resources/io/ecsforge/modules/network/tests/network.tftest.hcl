# The module's shapes, planned with a mocked AWS provider: no credentials, no account, nothing
# made. The data sources the module reads are given the answers AWS would give.

mock_provider "aws" {
  # OpenTofu's mock makes up the values of computed attributes at plan, and the provider checks
  # that an ARN it is given is one; Terraform leaves them unknown. Both accept these.
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/webapp-test-flow-logs"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/webapp-test/flow-logs"
    }
  }
}

override_data {
  target = data.aws_availability_zones.zones
  values = {
    names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  }
}

override_data {
  target = data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

override_data {
  target = data.aws_partition.partition
  values = {
    partition = "aws"
  }
}

override_data {
  target = data.aws_caller_identity.account
  values = {
    account_id = "123456789012"
  }
}

override_data {
  target = data.aws_iam_policy_document.flow_logs_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.flow_logs_write
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

variables {
  app         = "webapp"
  environment = "test"
}

run "three_zones_get_three_public_and_three_private_subnets" {
  command = plan

  variables {
    az_count = 3
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && length(aws_subnet.private) == 3
    error_message = "az_count = 3 should make 3 public and 3 private subnets"
  }

  assert {
    condition     = aws_subnet.public[*].cidr_block == ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]
    error_message = "the public subnets should be the VPC's first three sixteenths"
  }

  assert {
    condition     = aws_subnet.private[*].cidr_block == ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"]
    error_message = "the private subnets should start halfway through the VPC"
  }
}

run "no_nat_gateway_makes_none" {
  command = plan

  variables {
    nat_gateways  = "none"
    vpc_endpoints = true
  }

  assert {
    condition     = length(aws_nat_gateway.nat) == 0 && length(aws_eip.nat_eip) == 0
    error_message = "nat_gateways = \"none\" should make no NAT gateway and no elastic IP"
  }
}

run "a_single_nat_gateway_serves_every_zone" {
  command = plan

  variables {
    az_count     = 3
    nat_gateways = "single"
  }

  assert {
    condition     = length(aws_nat_gateway.nat) == 1
    error_message = "nat_gateways = \"single\" should make 1 NAT gateway"
  }

  assert {
    condition     = length(aws_route.private_nat_route) == 3
    error_message = "every zone's private route table should route through the one NAT gateway"
  }
}

run "one_nat_gateway_per_zone" {
  command = plan

  variables {
    az_count     = 3
    nat_gateways = "one-per-az"
  }

  assert {
    condition     = length(aws_nat_gateway.nat) == 3 && length(aws_eip.nat_eip) == 3
    error_message = "nat_gateways = \"one-per-az\" should make az_count NAT gateways, each with its elastic IP"
  }
}

run "vpc_endpoints_on" {
  command = plan

  variables {
    vpc_endpoints = true
  }

  assert {
    condition = sum([
      length(aws_vpc_endpoint.s3_endpoint), length(aws_vpc_endpoint.ecr_api_endpoint),
      length(aws_vpc_endpoint.ecr_dkr_endpoint), length(aws_vpc_endpoint.logs_endpoint),
      length(aws_vpc_endpoint.secretsmanager_endpoint), length(aws_vpc_endpoint.ssm_endpoint),
    ]) == 6
    error_message = "vpc_endpoints = true should make the S3, ECR API, ECR Docker, Logs, Secrets Manager and SSM endpoints"
  }

  assert {
    condition     = length(aws_security_group.endpoints_security_group) == 1
    error_message = "the interface endpoints should get their security group"
  }
}

run "vpc_endpoints_off" {
  command = plan

  variables {
    vpc_endpoints = false
  }

  assert {
    condition = sum([
      length(aws_vpc_endpoint.s3_endpoint), length(aws_vpc_endpoint.ecr_api_endpoint),
      length(aws_vpc_endpoint.ecr_dkr_endpoint), length(aws_vpc_endpoint.logs_endpoint),
      length(aws_vpc_endpoint.secretsmanager_endpoint), length(aws_vpc_endpoint.ssm_endpoint),
      length(aws_security_group.endpoints_security_group),
    ]) == 0
    error_message = "vpc_endpoints = false should make no endpoint and no endpoint security group"
  }
}

run "flow_logs_on" {
  command = plan

  variables {
    flow_logs               = true
    flow_log_retention_days = 365
  }

  assert {
    condition     = length(aws_flow_log.flow_logs) == 1 && length(aws_iam_role.flow_logs_role) == 1
    error_message = "flow_logs = true should make the flow log and the role it writes with"
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs_group[0].retention_in_days == 365
    error_message = "the flow log group should keep its logs flow_log_retention_days"
  }
}

run "flow_logs_off" {
  command = plan

  variables {
    flow_logs = false
  }

  assert {
    condition = sum([
      length(aws_flow_log.flow_logs), length(aws_iam_role.flow_logs_role),
      length(aws_cloudwatch_log_group.flow_logs_group),
    ]) == 0
    error_message = "flow_logs = false should make no flow log, role or log group"
  }
}

run "zero_zones_are_refused" {
  command = plan

  variables {
    az_count = 0
  }

  expect_failures = [var.az_count]
}

run "a_misspelt_nat_choice_is_refused" {
  command = plan

  variables {
    nat_gateways = "singel"
  }

  expect_failures = [var.nat_gateways]
}
