# The example environment config/dev.yaml of ecsforge as one module call, as
# `ecsforge modules --inputs dev` prints it: two zones, one NAT gateway, autoscaling, a canary.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      app         = "webapp"
      environment = "dev"
      managed-by  = "ecsforge"
    }
  }
}

module "platform" {
  source = "../.."

  app                  = "webapp"
  environment          = "dev"
  cidr                 = "10.0.0.0/16"
  az_count             = 2
  nat_gateways         = "single"
  flow_logs            = true
  vpc_endpoints        = false
  repository_name      = "webapp"
  keep_images          = 30
  untagged_expiry_days = 7
  github_repository    = "my-org/webapp"
  create_oidc_provider = true
  secrets = {
    DB_PASSWORD = "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password"
  }
  state_bucket      = "webapp-tfstate-123456789012"
  state_region      = "us-east-1"
  state_lock        = "lockfile"
  container_port    = 3000
  cpu               = 256
  memory            = 512
  desired_count     = 2
  health_check_path = "/health"
  environment_variables = {
    LOG_LEVEL = "info"
  }
  autoscaling_min              = 2
  autoscaling_max              = 6
  autoscaling_cpu_target       = 70
  log_retention_days           = 30
  allowed_cidrs                = ["0.0.0.0/0"]
  test_listener_port           = 8443
  test_listener_cidrs          = []
  strategy                     = "canary"
  percent                      = 25
  interval_minutes             = 10
  terminate_blue_after_minutes = 5
  http5xx_percent              = 5
  unhealthy_hosts              = 1
}

output "alb_dns_name" {
  description = "Where the service answers"
  value       = module.platform.alb_dns_name
}
