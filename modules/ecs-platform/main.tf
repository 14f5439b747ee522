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
