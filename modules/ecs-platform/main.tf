module "network" {
  source = "../network"

  app                     = var.app
  availability_zones      = var.availability_zones
  az_count                = var.az_count
  cidr                    = var.cidr
  environment             = var.environment
  flow_log_kms_key_arn    = var.flow_log_kms_key_arn
  flow_log_retention_days = var.flow_log_retention_days
  flow_logs               = var.flow_logs
  nat_gateways            = var.nat_gateways
  private_subnets         = var.private_subnets
  public_subnets          = var.public_subnets
  vpc_endpoints           = var.vpc_endpoints
}

module "registry" {
  source = "../registry"

  image_tag            = var.image_tag
  keep_images          = var.keep_images
  repository_name      = coalesce(var.repository_name, var.app)
  untagged_expiry_days = var.untagged_expiry_days
}

module "access" {
  source = "../access"

  app                  = var.app
  assume_role_arn      = var.assume_role_arn
  autoscaling          = var.autoscaling_enabled
  create_oidc_provider = var.create_oidc_provider
  deployment_strategy  = var.strategy
  environment          = var.environment
  execute_command      = var.execute_command
  flow_logs            = var.flow_logs
  github_repository    = var.github_repository
  nat_gateways         = var.nat_gateways
  repository_arn       = module.registry.repository_arn
  repository_name      = module.registry.repository_name
  secrets              = var.secrets
  state_bucket         = var.state_bucket
  state_dynamodb_table = var.state_dynamodb_table
  state_lock           = var.state_lock
  state_region         = var.state_region
  task_policy          = var.task_policy
  vpc_endpoints        = var.vpc_endpoints
  waf                  = var.waf
  waf_web_acl_arn      = var.waf_web_acl_arn
}

module "ecs_service" {
  source = "../ecs-service"

  access_logs_bucket                = var.access_logs_bucket
  access_logs_prefix                = var.access_logs_prefix
  allowed_cidrs                     = var.allowed_cidrs
  app                               = var.app
  autoscaling_cpu_target            = var.autoscaling_cpu_target
  autoscaling_enabled               = var.autoscaling_enabled
  autoscaling_max                   = var.autoscaling_max
  autoscaling_min                   = var.autoscaling_min
  certificate_arn                   = var.certificate_arn
  container_insights                = var.container_insights
  container_name                    = var.container_name
  container_port                    = var.container_port
  cpu                               = var.cpu
  cpu_architecture                  = var.cpu_architecture
  deletion_protection               = var.deletion_protection
  desired_count                     = var.desired_count
  egress                            = var.egress
  environment                       = var.environment
  environment_variables             = var.environment_variables
  execute_command                   = var.execute_command
  execution_role_arn                = module.access.execution_role_arn
  fargate_spot_weight               = var.fargate_spot_weight
  health_check_grace_period_seconds = var.health_check_grace_period_seconds
  health_check_path                 = var.health_check_path
  idle_timeout_seconds              = var.idle_timeout_seconds
  image_tag                         = var.image_tag
  log_kms_key_arn                   = var.log_kms_key_arn
  log_retention_days                = var.log_retention_days
  memory                            = var.memory
  nat_public_ips                    = module.network.nat_public_ips
  private_subnet_ids                = module.network.private_subnet_ids
  public_subnet_ids                 = module.network.public_subnet_ids
  readonly_root_filesystem          = var.readonly_root_filesystem
  repository_url                    = module.registry.repository_url
  secrets                           = var.secrets
  ssl_policy                        = var.ssl_policy
  task_role_arn                     = module.access.task_role_arn
  test_listener_cidrs               = var.test_listener_cidrs
  test_listener_port                = var.test_listener_port
  vpc_id                            = module.network.vpc_id
  waf                               = var.waf
  waf_web_acl_arn                   = var.waf_web_acl_arn
}

module "blue_green" {
  source = "../blue-green"

  alb_arn_suffix                = module.ecs_service.alb_arn_suffix
  app                           = var.app
  blue_target_group_arn_suffix  = module.ecs_service.blue_target_group_arn_suffix
  blue_target_group_name        = module.ecs_service.blue_target_group_name
  cluster_name                  = module.ecs_service.cluster_name
  codedeploy_role_arn           = module.access.codedeploy_role_arn
  environment                   = var.environment
  evaluation_periods            = var.evaluation_periods
  green_target_group_arn_suffix = module.ecs_service.green_target_group_arn_suffix
  green_target_group_name       = module.ecs_service.green_target_group_name
  http5xx_percent               = var.http5xx_percent
  interval_minutes              = var.interval_minutes
  p99_latency_seconds           = var.p99_latency_seconds
  percent                       = var.percent
  period_seconds                = var.period_seconds
  production_listener_arn       = module.ecs_service.production_listener_arn
  service_name                  = module.ecs_service.service_name
  strategy                      = var.strategy
  terminate_blue_after_minutes  = var.terminate_blue_after_minutes
  test_listener_arn             = module.ecs_service.test_listener_arn
  unhealthy_hosts               = var.unhealthy_hosts
}
