# A canary release: 10% of traffic goes to the new version for 15 minutes, then the rest. The
# release stops and rolls back when the new version's target group answers more than 2% of
# requests with 5xx, has an unhealthy target, or a p99 response time above 1.5 s. The service,
# its listeners and target groups, and the role are made elsewhere (by an ecsforge environment's
# service and access stacks, or your own configuration); here they are given as read from there.

provider "aws" {
  region = "eu-west-1"
}

module "blue_green" {
  source = "../.."

  app         = "webapp"
  environment = "staging"

  codedeploy_role_arn           = "arn:aws:iam::123456789012:role/webapp-staging-codedeploy"
  cluster_name                  = "webapp-staging"
  service_name                  = "webapp-staging"
  production_listener_arn       = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/webapp-staging/50dc6c495c0c9188/f2f7dc8efc522ab2"
  test_listener_arn             = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/webapp-staging/50dc6c495c0c9188/a1b2c3d4e5f60718"
  blue_target_group_name        = "webapp-staging-blue"
  green_target_group_name       = "webapp-staging-green"
  blue_target_group_arn_suffix  = "targetgroup/webapp-staging-blue/0123456789abcdef"
  green_target_group_arn_suffix = "targetgroup/webapp-staging-green/fedcba9876543210"
  alb_arn_suffix                = "app/webapp-staging/50dc6c495c0c9188"

  strategy            = "canary"
  percent             = 10
  interval_minutes    = 15
  http5xx_percent     = 2
  p99_latency_seconds = 1.5
}

output "deployment_group_name" {
  description = "The deployment group a release deploys to"
  value       = module.blue_green.deployment_group_name
}
