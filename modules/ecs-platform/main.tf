module "network" {
  source = "../network"

  app                     = var.app
  az_count                = var.az_count
  cidr                    = var.cidr
  environment             = var.environment
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

module "blue_green" {
  source = "../blue-green"

  alb_arn_suffix                = var.alb_arn_suffix
  app                           = var.app
  blue_target_group_arn_suffix  = var.blue_target_group_arn_suffix
  blue_target_group_name        = var.blue_target_group_name
  cluster_name                  = var.cluster_name
  codedeploy_role_arn           = var.codedeploy_role_arn
  environment                   = var.environment
  evaluation_periods            = var.evaluation_periods
  green_target_group_arn_suffix = var.green_target_group_arn_suffix
  green_target_group_name       = var.green_target_group_name
  http5xx_percent               = var.http5xx_percent
  interval_minutes              = var.interval_minutes
  p99_latency_seconds           = var.p99_latency_seconds
  percent                       = var.percent
  period_seconds                = var.period_seconds
  production_listener_arn       = var.production_listener_arn
  service_name                  = var.service_name
  strategy                      = var.strategy
  terminate_blue_after_minutes  = var.terminate_blue_after_minutes
  test_listener_arn             = var.test_listener_arn
  unhealthy_hosts               = var.unhealthy_hosts
}
