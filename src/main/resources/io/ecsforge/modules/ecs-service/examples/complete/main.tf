# A service behind HTTPS, scaled on CPU between 3 and 12 tasks, with a secret from Secrets
# Manager and ECS Exec, in a network and with roles the caller made.

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

variable "vpc_id" {
  description = "The VPC, e.g. the network module's vpc_id"
  type        = string
}

variable "public_subnet_ids" {
  description = "The public subnets, one a zone"
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "The private subnets, one a zone"
  type        = list(string)
}

variable "nat_public_ips" {
  description = "The NAT gateways' public addresses, e.g. the network module's nat_public_ips"
  type        = list(string)
}

module "ecs_service" {
  source = "../.."

  app                = "webapp"
  environment        = "prod"
  vpc_id             = var.vpc_id
  public_subnet_ids  = var.public_subnet_ids
  private_subnet_ids = var.private_subnet_ids
  nat_public_ips     = var.nat_public_ips
  repository_url     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/webapp"
  execution_role_arn = "arn:aws:iam::123456789012:role/webapp-prod-execution"
  task_role_arn      = "arn:aws:iam::123456789012:role/webapp-prod-task"

  cpu                    = 1024
  memory                 = 2048
  cpu_architecture       = "ARM64"
  autoscaling_min        = 3
  autoscaling_max        = 12
  autoscaling_cpu_target = 60
  log_retention_days     = 365
  execute_command        = true
  environment_variables = {
    LOG_LEVEL = "warn"
  }
  secrets = {
    DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:webapp/db-password-AbCdEf"
  }

  certificate_arn     = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  test_listener_cidrs = ["203.0.113.0/24"]
  deletion_protection = true
}

output "alb_dns_name" {
  description = "Where the service answers"
  value       = module.ecs_service.alb_dns_name
}
