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

output "codedeploy_role_arn" {
  description = "The ARN of the role CodeDeploy shifts traffic between task sets with."
  value       = module.access.codedeploy_role_arn
}

output "execution_role_arn" {
  description = "The ARN of the role ECS starts the service's tasks with: it pulls the image, writes the logs and reads the secrets."
  value       = module.access.execution_role_arn
}

output "infra_role_arn" {
  description = "The ARN of the role GitHub Actions jobs in the environment assume to apply the infrastructure."
  value       = module.access.infra_role_arn
}

output "plan_role_arn" {
  description = "The ARN of the read-only role GitHub Actions assumes to plan pull requests."
  value       = module.access.plan_role_arn
}

output "release_role_arn" {
  description = "The ARN of the role GitHub Actions jobs in the environment assume to release the app."
  value       = module.access.release_role_arn
}

output "task_role_arn" {
  description = "The ARN of the role the application's code runs as."
  value       = module.access.task_role_arn
}

output "alb_arn_suffix" {
  description = "The load balancer's CloudWatch dimension (app/<name>/<id>)."
  value       = module.ecs_service.alb_arn_suffix
}

output "alb_dns_name" {
  description = "The load balancer's DNS name, where the service answers."
  value       = module.ecs_service.alb_dns_name
}

output "alb_zone_id" {
  description = "The load balancer's hosted zone, for an alias record."
  value       = module.ecs_service.alb_zone_id
}

output "blue_target_group_arn_suffix" {
  description = "The blue target group's CloudWatch dimension (targetgroup/<name>/<id>), which release alarms watch."
  value       = module.ecs_service.blue_target_group_arn_suffix
}

output "blue_target_group_name" {
  description = "The target group serving production before the first release."
  value       = module.ecs_service.blue_target_group_name
}

output "cluster_arn" {
  description = "The ECS cluster's ARN."
  value       = module.ecs_service.cluster_arn
}

output "cluster_name" {
  description = "The ECS cluster's name."
  value       = module.ecs_service.cluster_name
}

output "green_target_group_arn_suffix" {
  description = "The green target group's CloudWatch dimension, which release alarms watch."
  value       = module.ecs_service.green_target_group_arn_suffix
}

output "green_target_group_name" {
  description = "The other target group; the two swap roles at every release."
  value       = module.ecs_service.green_target_group_name
}

output "log_group_name" {
  description = "The container log group."
  value       = module.ecs_service.log_group_name
}

output "production_listener_arn" {
  description = "The listener whose target group serves production traffic."
  value       = module.ecs_service.production_listener_arn
}

output "service_name" {
  description = "The ECS service's name, which CodeDeploy deploys to."
  value       = module.ecs_service.service_name
}

output "service_security_group_id" {
  description = "The tasks' security group, for rules that let them reach a database or another service."
  value       = module.ecs_service.service_security_group_id
}

output "task_definition_family" {
  description = "The task definition family every release registers a revision of."
  value       = module.ecs_service.task_definition_family
}

output "test_listener_arn" {
  description = "The listener that reaches a new version before it takes production traffic."
  value       = module.ecs_service.test_listener_arn
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
