# The roles of a staging environment: its secret is an SSM parameter, the application reads one
# bucket, and the state is locked with lock files. Another environment of the account made the
# GitHub OIDC provider, which this one looks up.

provider "aws" {
  region = "eu-west-1"
}

module "access" {
  source = "../.."

  app               = "webapp"
  environment       = "staging"
  repository_arn    = "arn:aws:ecr:eu-west-1:123456789012:repository/webapp"
  repository_name   = "webapp"
  github_repository = "my-org/webapp"
  state_bucket      = "webapp-tfstate-123456789012"

  secrets = {
    DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/webapp/db-password"
  }

  task_policy = [
    {
      actions   = ["s3:GetObject", "s3:PutObject"]
      resources = ["arn:aws:s3:::webapp-uploads/*"]
    },
  ]
}

output "release_role_arn" {
  description = "The role the release workflow assumes"
  value       = module.access.release_role_arn
}
