# One zone and no NAT gateway, the cheapest network: tasks in the private subnet reach ECR,
# CloudWatch Logs and their secrets through VPC endpoints, which a network without NAT needs,
# and nothing else outside the VPC.

provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../.."

  app           = "webapp"
  environment   = "dev"
  az_count      = 1
  nat_gateways  = "none"
  vpc_endpoints = true
  flow_logs     = false
}

output "vpc_id" {
  description = "The VPC's id"
  value       = module.network.vpc_id
}
