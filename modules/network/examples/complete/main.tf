# Three zones with a NAT gateway in each, so a zone's outage cuts no other zone's egress; flow
# logs kept for a year, and VPC endpoints so that image pulls and logs stay inside AWS.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      app         = "webapp"
      environment = "prod"
      managed-by  = "terraform"
    }
  }
}

module "network" {
  source = "../.."

  app                     = "webapp"
  environment             = "prod"
  cidr                    = "10.20.0.0/16"
  az_count                = 3
  nat_gateways            = "one-per-az"
  flow_logs               = true
  flow_log_retention_days = 365
  vpc_endpoints           = true
}

output "vpc_id" {
  description = "The VPC's id"
  value       = module.network.vpc_id
}

output "private_subnet_ids" {
  description = "The private subnets, one a zone, where the services' tasks run"
  value       = module.network.private_subnet_ids
}
