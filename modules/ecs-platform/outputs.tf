output "nat_public_ips" {
  description = "The NAT gateways' public addresses, which outbound calls from the private subnets come from (for third parties to allowlist); empty without NAT gateways."
  value       = module.network.nat_public_ips
}

output "private_subnet_ids" {
  description = "The private subnets' ids, one a zone, in zone order."
  value       = module.network.private_subnet_ids
}

output "public_subnet_ids" {
  description = "The public subnets' ids, one a zone, in zone order."
  value       = module.network.public_subnet_ids
}

output "vpc_cidr" {
  description = "The VPC's block."
  value       = module.network.vpc_cidr
}

output "vpc_id" {
  description = "The VPC's id."
  value       = module.network.vpc_id
}

output "repository_arn" {
  description = "The repository's ARN."
  value       = module.registry.repository_arn
}

output "repository_name" {
  description = "The repository's name."
  value       = module.registry.repository_name
}

output "repository_url" {
  description = "The repository's URL, which images are pushed to and pulled from."
  value       = module.registry.repository_url
}

output "application_name" {
  description = "The CodeDeploy application's name, which a release names."
  value       = module.blue_green.application_name
}

output "deployment_config_name" {
  description = "The deployment configuration's name: the strategy's own, or CodeDeployDefault.ECSAllAtOnce for all-at-once."
  value       = module.blue_green.deployment_config_name
}

output "deployment_group_name" {
  description = "The deployment group's name, which a release names."
  value       = module.blue_green.deployment_group_name
}
